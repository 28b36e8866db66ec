/**
 * The gateway's release, from package.json, for `Query.gateway.version`. Read once at start-up:
 * src/ and dist/ sit at the same depth below it, so one relative path serves both.
 */
import { readFileSync } from 'node:fs';

export const GATEWAY_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

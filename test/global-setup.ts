/**
 * Builds dist/ once before any test file runs: test/process.test.ts and test/lifecycle.test.ts
 * start the gateway exactly as `npm start` does, from the compiled JavaScript.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}

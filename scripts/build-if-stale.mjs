// `npm start` runs this before `node dist/main.js`. Plain JavaScript with no dependency, because a
// production install (`npm ci --omit=dev`) has no TypeScript: there it runs dist/ as built. Where
// TypeScript is installed (a clone after `npm ci`), it compiles src/ first when dist/ is missing
// or older than a source file, so `npm ci && npm start` works and a changed file is never served
// stale. The compiler's messages go to stderr: stdout carries only the gateway's JSON log lines.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'main.js');

function typescriptCompiler() {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/** The newest modification time among the files under `path` (a file or a folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const tsc = typescriptCompiler();
if (tsc === undefined) {
  if (!existsSync(entry)) {
    process.stderr.write('dist/main.js is missing and TypeScript is not installed: build with `npm ci && npm run build` first.\n');
    process.exit(1);
  }
  process.exit(0);
}

const sources = Math.max(...['src', 'tsconfig.json', 'tsconfig.build.json'].map((path) => newest(join(root, path))));
if (existsSync(entry) && statSync(entry).mtimeMs >= sources) process.exit(0);

const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: ['ignore', 2, 2] });
process.exit(build.status ?? 1);

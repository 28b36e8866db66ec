/**
 * The `compiled` runner: src/ (and the bench's preload modules) transpiled file by file to plain
 * JavaScript under bench/results/compiled/, keeping the directory layout so that relative imports
 * and `new URL('../../schema/…', import.meta.url)` still resolve (schema/ is linked next to it).
 * It shows what running without tsx's loader thread and on-the-fly transform would save; the
 * gateway code is the same. Uses esbuild, which tsx itself depends on (not a direct dependency).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './processes.js';

export const COMPILED_DIR = join(ROOT, 'bench', 'results', 'compiled');

function typescriptFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Transpiles src/ and the bench modules run inside a gateway process (bench/heap-probe.ts, bench/heap-sampler.ts,
 * bench/gateway-variant.ts); returns the compiled src/main.js, relative to the repository root.
 */
export async function compileGateway(): Promise<string> {
  let esbuild: { build(options: Record<string, unknown>): Promise<unknown> };
  try {
    esbuild = (await import('esbuild')) as unknown as typeof esbuild;
  } catch {
    throw new Error('the compiled runner needs esbuild (installed with tsx); run with --runner node instead');
  }
  rmSync(COMPILED_DIR, { recursive: true, force: true });
  mkdirSync(COMPILED_DIR, { recursive: true });
  await esbuild.build({
    entryPoints: [
      ...typescriptFiles(join(ROOT, 'src')),
      join(ROOT, 'bench', 'heap-probe.ts'),
      join(ROOT, 'bench', 'heap-sampler.ts'),
      join(ROOT, 'bench', 'gateway-variant.ts'),
    ],
    outdir: COMPILED_DIR,
    outbase: ROOT,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    // Written next to each file but not linked from it: node runs exactly the code it would
    // without maps, and `npm run bench:profile` reads them to name TypeScript lines.
    sourcemap: 'external',
    logLevel: 'warning',
  });
  const schema = join(COMPILED_DIR, 'schema');
  if (!existsSync(schema)) symlinkSync(join(ROOT, 'schema'), schema, 'dir');
  // src/graphql/version.ts reads the release from package.json two levels above itself, as in dist/.
  const manifest = join(COMPILED_DIR, 'package.json');
  if (!existsSync(manifest)) symlinkSync(join(ROOT, 'package.json'), manifest, 'file');
  return relative(ROOT, join(COMPILED_DIR, 'src', 'main.js'));
}

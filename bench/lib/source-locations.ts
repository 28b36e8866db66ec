/**
 * Maps profile positions in the project's own files back to TypeScript lines.
 * - The `compiled` runner (what the bench measures): esbuild wrote a source map next to each file
 *   (./compile.ts), which is read as it is.
 * - tsx: tsx compiles each file with esbuild into one minified line (`minifyWhitespace`,
 *   `keepNames`), so a profile only says "client.ts:1, column 5310". Compiling the file again with
 *   the same esbuild options reproduces that code and its source map.
 * Best effort: without esbuild (tsx's own dependency) or when the code changed since the profile,
 * locations stay as the profile gives them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

type Transform = (code: string, options: Record<string, unknown>) => { code: string; map: string };

let transform: Transform | undefined | null;
const maps = new Map<string, SourceMap | null>();

async function loadTransform(): Promise<Transform | null> {
  if (transform !== undefined) return transform;
  try {
    const esbuild = (await import('esbuild')) as unknown as { transformSync: Transform };
    transform = esbuild.transformSync;
  } catch {
    transform = null;
  }
  return transform;
}

function mapFor(url: string, compile: Transform): SourceMap | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  let map: SourceMap | null = null;
  try {
    const file = fileURLToPath(url);
    let raw: string;
    if (existsSync(`${file}.map`)) {
      raw = readFileSync(`${file}.map`, 'utf8');
    } else {
      raw = compile(readFileSync(file, 'utf8'), {
        // tsx's options (node_modules/tsx/dist, `Ne` and the ESM transform).
        target: `node${process.versions.node}`,
        loader: 'ts',
        format: 'esm',
        sourcefile: file,
        sourcemap: true,
        minifyWhitespace: true,
        keepNames: true,
      }).map;
    }
    map = new SourceMap(JSON.parse(raw) as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** Prepares the maps for these file URLs; returns a lookup for 0-based profile positions. */
export async function sourceLocator(urls: Iterable<string>): Promise<(url: string, line: number, column: number) => number | undefined> {
  const compile = await loadTransform();
  if (!compile) return () => undefined;
  for (const url of urls) mapFor(url, compile);
  return (url, line, column) => {
    const map = maps.get(url);
    if (!map) return undefined;
    const entry = map.findEntry(line, column) as { originalLine?: number } | undefined;
    return entry?.originalLine === undefined ? undefined : entry.originalLine + 1;
  };
}

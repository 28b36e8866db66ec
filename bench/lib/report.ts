/** Medians, plain-text tables and the commit for the bench output. */
import { execFileSync } from 'node:child_process';
import { ROOT } from './processes.js';

export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A number with about 3 significant digits; `–` for NaN. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, Math.min(4, digits - 1 - magnitude));
  return value.toFixed(decimals);
}

export const ratio = (value: number) => (Number.isFinite(value) ? `${fmt(value)}×` : '–');
export const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * A plain-text table. `align` has one letter per column, `l` or `r`; by default the first column
 * is left-aligned and the others (numbers) right-aligned.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: string): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const left = (column: number) => (align ? align[column] === 'l' : column === 0);
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (left(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The commit measured, and whether src/ has changes not committed. */
export function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' + uncommitted src changes' : ''}`;
  } catch {
    return 'unknown commit';
  }
}

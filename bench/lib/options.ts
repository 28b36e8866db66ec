/**
 * Settings for the bench scripts: `--name value` (or `--name=value`) on the command line, else the
 * environment variable given, else the default. Bad values stop the script with a clear message.
 */
export interface OptionSpec<T> {
  /** Command-line flag without the dashes, e.g. `rounds`. */
  flag: string;
  /** Environment variable, e.g. `BENCH_ROUNDS`. */
  env: string;
  default: T;
  description: string;
}

function rawValue(flag: string, env: string, argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === `--${flag}`) return argv[i + 1];
    if (arg.startsWith(`--${flag}=`)) return arg.slice(flag.length + 3);
  }
  const value = process.env[env];
  return value === undefined || value === '' ? undefined : value;
}

export function numberOption(spec: OptionSpec<number>, min: number, max: number, argv = process.argv.slice(2)): number {
  const raw = rawValue(spec.flag, spec.env, argv);
  if (raw === undefined) return spec.default;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`--${spec.flag} / ${spec.env} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export function choiceOption<T extends string>(spec: OptionSpec<T>, choices: readonly T[], argv = process.argv.slice(2)): T {
  const raw = rawValue(spec.flag, spec.env, argv);
  if (raw === undefined) return spec.default;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new RangeError(`--${spec.flag} / ${spec.env} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

export function listOption<T extends string>(spec: OptionSpec<readonly T[]>, choices: readonly T[], argv = process.argv.slice(2)): T[] {
  const raw = rawValue(spec.flag, spec.env, argv);
  if (raw === undefined) return [...spec.default];
  const values = raw
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  for (const value of values) {
    if (!(choices as readonly string[]).includes(value)) {
      throw new RangeError(`--${spec.flag} / ${spec.env}: unknown value ${JSON.stringify(value)}; choose from ${choices.join(', ')}`);
    }
  }
  return values as T[];
}

/** A switch: true when the flag is given (`--name`, no value) or its variable is `1` or `true`. */
export function flagOption(spec: OptionSpec<boolean>, argv = process.argv.slice(2)): boolean {
  if (argv.includes(`--${spec.flag}`)) return true;
  const value = process.env[spec.env];
  if (value === undefined || value === '') return spec.default;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new RangeError(`${spec.env} must be 1, true, 0 or false, got ${JSON.stringify(value)}`);
}

export function wantsHelp(argv = process.argv.slice(2)): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export function helpText(title: string, specs: readonly OptionSpec<unknown>[]): string {
  const rows = specs.map((spec) => `${`  --${spec.flag} (${spec.env})`.padEnd(40)} ${spec.description} Default: ${String(spec.default)}.`);
  return `${title}\n\nOptions (flag or environment variable):\n${rows.join('\n')}\n`;
}

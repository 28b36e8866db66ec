/** What loadConfig says is wrong with `env`, one line per bad setting; empty when it loads. */
import { ConfigError, loadConfig } from '../../src/config.js';

export function configProblems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/**
 * The settings that decide how the gateway runs as a service (src/config.ts): how many worker
 * processes, and whether the built-in demo upstream may stand in for a real one.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS } from '../src/config.js';
import { configProblems } from './helpers/config-problems.js';

const API = 'https://api.example.com';

describe('WORKERS', () => {
  it('is 1 by default: one process, no cluster', () => {
    expect(loadConfig({}).workers).toBe(1);
  });

  it('reads a count, or auto for the cores this process may use', () => {
    expect(loadConfig({ WORKERS: '4' }).workers).toBe(4);
    expect(loadConfig({ WORKERS: ' Auto ' }).workers).toBe(availableParallelism());
  });

  it('names the allowed values for a bad one', () => {
    for (const value of ['0', '-2', '1.5', 'all', '257']) {
      expect(configProblems({ WORKERS: value })).toEqual([
        `WORKERS must be auto or a whole number from 1 to 256 (got ${JSON.stringify(value)})`,
      ]);
    }
  });
});

describe('DEMO and UPSTREAM_URL', () => {
  it('serves the demo when UPSTREAM_URL is unset outside production', () => {
    expect(loadConfig({}).upstreamUrl).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).upstreamUrl).toBeUndefined();
  });

  it('refuses to start in production without UPSTREAM_URL, saying how to fix it', () => {
    expect(configProblems({ NODE_ENV: 'production' })).toEqual([
      'UPSTREAM_URL is required when NODE_ENV=production: set it to the base URL of the organizations REST API, or set DEMO=true to serve the built-in demo upstream (its tokens are public)',
    ]);
  });

  it('serves the demo in production only when DEMO=true asks for it', () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO: 'true' }).upstreamUrl).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', UPSTREAM_URL: API }).upstreamUrl?.href).toBe(`${API}/`);
  });

  it('requires UPSTREAM_URL with DEMO=false, and refuses DEMO=true next to an UPSTREAM_URL', () => {
    expect(configProblems({ DEMO: 'false' })[0]).toMatch(/^UPSTREAM_URL is required with DEMO=false/);
    expect(configProblems({ DEMO: 'true', UPSTREAM_URL: API })).toEqual([
      'DEMO=true serves the built-in demo upstream instead of UPSTREAM_URL: set only one of them',
    ]);
    expect(configProblems({ DEMO: 'maybe' })).toEqual(['DEMO must be true or false (got "maybe")']);
  });

  it('documents both settings with their defaults for --help and the README', () => {
    const documented = Object.fromEntries(SETTINGS.map((setting) => [setting.name, setting.default]));
    expect(documented['WORKERS']).toBe('1');
    expect(documented['DEMO']).toBe('(unset)');
    expect(SETTINGS.find((setting) => setting.name === 'DEMO')!.description).toContain('NODE_ENV is not production');
  });
});

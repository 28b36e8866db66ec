/**
 * The client-facing edge's settings (src/config.ts): documented defaults, production defaults
 * from NODE_ENV, and a message that says what to fix for each bad value.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS } from '../src/config.js';
import { configProblems } from './helpers/config-problems.js';

describe('hardening settings', () => {
  it('defaults to a 100 KiB body limit, the documented operation limits, no CORS origins, GraphiQL and introspection on', () => {
    const config = loadConfig({});
    expect(config.maxBodyBytes).toBe(102_400);
    expect(config.limits).toEqual({ maxDepth: 20, maxAliases: 15, maxTokens: 1000, maxDirectives: 50, maxCost: 150_000 });
    expect(config.corsOrigins).toEqual([]);
    expect(config.graphiql).toBe(true);
    expect(config.introspection).toBe(true);
  });

  it('turns GraphiQL and introspection off by default when NODE_ENV is production', () => {
    const config = loadConfig({ NODE_ENV: 'production', UPSTREAM_URL: 'https://api.example.com' });
    expect(config.graphiql).toBe(false);
    expect(config.introspection).toBe(false);
  });

  it('lets GRAPHIQL and INTROSPECTION override the production default either way', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', UPSTREAM_URL: 'https://api.example.com', GRAPHIQL: 'true', INTROSPECTION: 'TRUE' }),
    ).toMatchObject({ graphiql: true, introspection: true });
    expect(loadConfig({ GRAPHIQL: 'false', INTROSPECTION: 'false' })).toMatchObject({ graphiql: false, introspection: false });
  });

  it('reads every limit from its own variable', () => {
    const config = loadConfig({
      MAX_BODY_BYTES: '4096',
      MAX_DEPTH: '8',
      MAX_ALIASES: '3',
      MAX_TOKENS: '500',
      MAX_DIRECTIVES: '5',
      MAX_COST: '20000',
    });
    expect(config.maxBodyBytes).toBe(4096);
    expect(config.limits).toEqual({ maxDepth: 8, maxAliases: 3, maxTokens: 500, maxDirectives: 5, maxCost: 20_000 });
  });

  it('reads MAX_UPSTREAM_CALLS, 200 by default, and refuses 0', () => {
    expect(loadConfig({}).maxUpstreamCalls).toBe(200);
    expect(loadConfig({ MAX_UPSTREAM_CALLS: '50' }).maxUpstreamCalls).toBe(50);
    expect(configProblems({ MAX_UPSTREAM_CALLS: '0' })).toEqual(['MAX_UPSTREAM_CALLS must be at least 1 (got "0")']);
  });

  it('reads CORS_ORIGINS as a comma-separated list of exact origins, ignoring blanks', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.com , http://localhost:5173,' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('refuses CORS_ORIGINS entries that a browser would never send, suggesting the exact form', () => {
    const found = configProblems({ CORS_ORIGINS: 'https://App.example.com/,*' });
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('"https://App.example.com/"; did you mean https://app.example.com?');
    expect(found[1]).toContain('CORS_ORIGINS entries must be exact origins such as https://app.example.com');
    expect(found[1]).toContain('not "*"');
  });

  it('names the setting and the allowed values for every bad value', () => {
    expect(configProblems({ MAX_BODY_BYTES: '100', MAX_DEPTH: 'deep', GRAPHIQL: 'yes' })).toEqual([
      'MAX_BODY_BYTES must be at least 1024 (got "100")',
      'MAX_DEPTH must be a whole number from 1 to 1000 (got "deep")',
      'GRAPHIQL must be true or false (got "yes")',
    ]);
  });

  it('documents every new setting with its default for --help and the README', () => {
    const documented = Object.fromEntries(SETTINGS.map((setting) => [setting.name, setting.default]));
    expect(documented).toMatchObject({
      MAX_BODY_BYTES: '102400',
      MAX_DEPTH: '20',
      MAX_ALIASES: '15',
      MAX_TOKENS: '1000',
      MAX_DIRECTIVES: '50',
      MAX_COST: '150000',
      MAX_UPSTREAM_CALLS: '200',
      CORS_ORIGINS: '(none)',
      GRAPHIQL: 'true (false when NODE_ENV=production)',
      INTROSPECTION: 'true (false when NODE_ENV=production)',
    });
  });
});

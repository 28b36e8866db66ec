import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds without an exports map: Node loads the
    // CJS one for dependencies such as Pothos, while Vite would pick the ESM one for our sources.
    // Two copies of graphql cannot share a schema, so pin everything to the one Node uses.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Every test talks HTTP over loopback to real servers; give slow CI machines room.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,ingest,api,simulators,web,bench}/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests share real services and ports; run files one at a time on 2 cores.
    fileParallelism: false,
  },
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLE_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Processes the bench starts, bundled by scripts/build-bench.mjs (run by `npm run bench`). */
export type BenchBundle = 'platform' | 'heap-probe' | 'aedes-server' | 'sse-probe-worker';

/** The bundle's path; an error naming the build step when it has not been built. */
export function bundlePath(name: BenchBundle): string {
  const file = `${BUNDLE_DIR}${name}.mjs`;
  if (!existsSync(file))
    throw new Error(`${file} is missing: run the bench with \`npm run bench\`, which builds it first`);
  return file;
}

/** Node flags for a bundled process: stack traces name the TypeScript sources. */
export const BUNDLE_NODE_FLAGS = ['--enable-source-maps'] as const;

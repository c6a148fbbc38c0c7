// `npm run bench` runs from bundles: the bench and every process it starts (the platform, the
// embedded broker, the SSE probe) start in a fraction of the time `tsx` needs to compile them.
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './bundle-for-node.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

/** name → entry; bench/src/lib/bundles.ts names the same files. */
export const BENCH_BUNDLES = {
  cli: 'bench/src/cli.ts',
  platform: 'ingest/src/main.ts',
  'heap-probe': 'bench/src/lib/heap-probe.ts',
  'aedes-server': 'bench/src/lib/aedes-server.ts',
  'sse-probe-worker': 'bench/src/lib/sse-probe-worker.ts',
};

const entries = Object.fromEntries(Object.entries(BENCH_BUNDLES).map(([name, file]) => [name, root + file]));
await bundleForNode(entries, `${root}bench/dist`);

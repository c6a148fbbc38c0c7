// Bundles the platform (ingest/src/main.ts and the workspace code it imports) into
// ingest/dist/main.mjs: it then starts in a few seconds instead of compiling its TypeScript first.
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './bundle-for-node.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

await bundleForNode({ main: `${root}ingest/src/main.ts` }, `${root}ingest/dist`);

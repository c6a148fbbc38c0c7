// `npm start`: bundles the platform (about half a second), then runs it in this same process, with
// stack traces that name the TypeScript sources.
process.setSourceMapsEnabled(true);
await import('./build-platform.mjs');
await import('../ingest/dist/main.mjs');

// `npm run bench`: bundles the bench (scripts/build-bench.mjs), then runs it in this same process,
// so that its own clock (the quick run's `quick_run_s`) includes the build.
process.setSourceMapsEnabled(true);
await import('./build-bench.mjs');
await import('../bench/dist/cli.mjs');

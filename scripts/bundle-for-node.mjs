// Bundles TypeScript entry points of this repository into plain ES modules for Node, so that a
// process starts without compiling hundreds of files on the fly (as `tsx` does at every start).
// The workspace packages (@ssc-monitor/*) are bundled; npm packages stay external and load from
// node_modules as usual.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Bare imports that are not workspace packages (npm packages and `node:` built-ins) stay imports. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@ssc-monitor/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * `import.meta.url` in a bundle would name the bundle; the code means its own source file (to find
 * demo/plan.yaml, web/dist/, policy.yaml …), so each occurrence becomes that file's URL.
 */
const sourceFileUrls = {
  name: 'source-file-urls',
  setup(b) {
    b.onLoad({ filter: /\.(ts|mts|mjs)$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return {
        contents: source.replace(/\bimport\.meta\.url\b/g, url),
        loader: args.path.endsWith('.mjs') ? 'js' : 'ts',
      };
    });
  },
};

/**
 * Writes one `<name>.mjs` (with a source map) per entry into `outdir`.
 * @param {Record<string, string>} entries name → TypeScript entry file
 * @param {string} outdir
 */
export async function bundleForNode(entries, outdir) {
  await build({
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externalPackages, sourceFileUrls],
  });
}

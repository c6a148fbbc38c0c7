// Builds the dashboard when web/dist is missing or older than its sources, so that
// `npm install` and `npm start` both leave a current dashboard without a separate step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const webDir = new URL('../web/', import.meta.url).pathname;
const builtIndex = join(webDir, 'dist', 'index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

function isStale() {
  if (!existsSync(builtIndex)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(webDir, p));
  const newestSource = Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime));
  return newestSource > statSync(builtIndex).mtimeMs;
}

if (!existsSync(join(webDir, 'package.json')) || !existsSync(join(webDir, 'src'))) process.exit(0);
if (!isStale()) process.exit(0);
process.stdout.write('Building the dashboard (web/dist)…\n');
const result = spawnSync('npm', ['run', 'build', '-w', 'web', '--silent'], { stdio: 'inherit' });
process.exit(result.status ?? 1);

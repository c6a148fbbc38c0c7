/**
 * `npx tsx bench/src/profile-summary.ts <file.cpuprofile> [limit]`: the functions with the most self
 * time in a profile written by `npm run bench -- --cpu-prof`, as a Markdown table.
 */
import { readFile } from 'node:fs/promises';
import { topSelfTime, type CpuProfile } from './lib/cpu-profile.js';
import { formatMarkdownTable } from './lib/table.js';

const [file, limit] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: profile-summary <file.cpuprofile> [limit]\n');
  process.exit(2);
}
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
const rows = topSelfTime(profile, Number(limit ?? 20)).map((t) => ({
  function: t.frame,
  'self ms': t.ms,
  'self %': t.share,
}));
process.stdout.write(`${formatMarkdownTable(rows)}\n`);

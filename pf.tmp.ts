import { prefillEmbeddedStore } from './bench/src/lib/prefill.js';
import { createEmbeddedStorage } from '@ssc-monitor/ingest/store';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'ssc-pf-'));
const end = Math.floor(Date.now() / 3600000) * 3600000;
const sensors = Number(process.argv[2]); const minuteDays = Number(process.argv[3]);
let t = Date.now();
console.log(await prefillEmbeddedStore(dir, { sensors, minuteDays, hourlyDays: 365 - minuteDays, end, districts: ['centre','harbour','north','university','east'] }), Date.now() - t);
const s = createEmbeddedStorage({ dataDir: dir, rawRetentionMs: minuteDays * 86400000 }); await s.start();
for (let i = 0; i < 3; i++) { t = Date.now(); const r = await s.store.aggregate({ quantity: 'pm25', from: end - 365 * 86400000, to: end, every: 3600000, groupBy: 'none' }); console.log('agg', r.length, r[0], Date.now() - t); }
await s.close();

import { mkdir } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { runKeysCommand } from './keys-command.js';

const parsed = loadConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`Invalid configuration:\n  ${parsed.errors.join('\n  ')}\n`);
  process.exit(1);
}
await mkdir(parsed.config.DATA_DIR, { recursive: true });
const result = await runKeysCommand(parsed.config.DATA_DIR, process.argv.slice(2));
(result.ok ? process.stdout : process.stderr).write(result.output);
process.exitCode = result.ok ? 0 : 1;

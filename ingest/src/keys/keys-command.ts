import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_KEYS_FILE, ApiKeyStore, FileKeyPersistence, isRole, ROLES } from '@ssc-monitor/api';

export const KEYS_HELP = `Usage: npm run keys -- create --role <${ROLES.join('|')}> --name "<who or what>"
       npm run keys -- list
       npm run keys -- revoke <id>

Manages the API keys in DATA_DIR/${API_KEYS_FILE} (SHA-256 hashes only). A new key is printed once:
store it where its user keeps secrets. A running server sees changes at its next request.
`;

/** What a command prints, and whether it succeeded; the CLI wrapper writes it and sets the exit code. */
export interface CommandResult {
  readonly ok: boolean;
  readonly output: string;
}

const fail = (output: string): CommandResult => ({ ok: false, output: `keys: ${output}\n` });

async function create(store: ApiKeyStore, args: string[]): Promise<CommandResult> {
  const { values } = parseArgs({ args, options: { role: { type: 'string' }, name: { type: 'string' } } });
  if (!isRole(values.role)) return fail(`--role must be one of ${ROLES.join(', ')}`);
  const name = values.name?.trim() ?? '';
  if (name === '' || name.length > 200) return fail('--name is required (up to 200 characters)');
  const { key, record } = await store.create({ name, role: values.role });
  return {
    ok: true,
    output: `Created ${record.role} key ${record.id} (${record.name}):\n\n  ${key}\n\nIt is not shown again.\n`,
  };
}

async function list(store: ApiKeyStore): Promise<CommandResult> {
  const rows = (await store.list()).map(
    (r) =>
      `${r.id}  ${r.role.padEnd(8)}  ${r.revokedAt === undefined ? 'active ' : 'revoked'}  ${r.createdAt}  ${r.name}`,
  );
  return { ok: true, output: rows.length === 0 ? 'No API keys.\n' : `${rows.join('\n')}\n` };
}

async function revoke(store: ApiKeyStore, args: string[]): Promise<CommandResult> {
  const id = args[0];
  if (id === undefined) return fail('revoke needs the id of a key (see `list`)');
  if (!(await store.revoke(id))) return fail(`no active key has the id ${id}`);
  return { ok: true, output: `Revoked ${id}; its sessions end at their next request.\n` };
}

/** Runs one keys command against the key file under `dataDir`. */
export async function runKeysCommand(dataDir: string, argv: readonly string[]): Promise<CommandResult> {
  const store = new ApiKeyStore(new FileKeyPersistence(join(dataDir, API_KEYS_FILE)));
  const [command, ...rest] = argv;
  try {
    if (command === 'create') return await create(store, rest);
    if (command === 'list') return await list(store);
    if (command === 'revoke') return await revoke(store, rest);
  } catch (error) {
    return fail((error as Error).message);
  }
  return { ok: command === '--help' || command === 'help', output: KEYS_HELP };
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for.js';
import { freePort } from './free-port.js';

export { freePort };

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';
export const MOSQUITTO_PASSWD_BIN = '/usr/bin/mosquitto_passwd';

/** Why Mosquitto tests cannot run here, or undefined when they can. */
export function mosquittoMissing(): string | undefined {
  for (const bin of [MOSQUITTO_BIN, MOSQUITTO_PASSWD_BIN])
    if (!existsSync(bin)) return `${bin} is not installed (test/scripts/setup.sh installs mosquitto)`;
  return undefined;
}

export interface MosquittoOptions {
  /**
   * username → password, written with `mosquitto_passwd -b`, and an ACL file to use as is (e.g. the
   * shipped deploy/mosquitto/acl). Without them the broker takes anonymous clients on loopback.
   */
  readonly auth?: { readonly users: Readonly<Record<string, string>>; readonly aclFile: string };
  /** Further lines of configuration, e.g. the production delivery settings. */
  readonly settings?: readonly string[];
}

export interface MosquittoServer {
  readonly url: string;
  readonly pid: number;
  /** Deletes a user from the password file and reloads (SIGHUP), as an operator revokes a sensor. */
  removeUser(username: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private Mosquitto on a free port, with an explicit listener, a password file and an ACL file:
 * without an explicit listener Mosquitto may accept anonymous clients despite `allow_anonymous false`.
 */
export async function startMosquitto(options: MosquittoOptions = {}): Promise<MosquittoServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ssc-mosquitto-'));
  // Started as root, Mosquitto drops to its own user, which must still read these files.
  await chmod(dir, 0o755);
  const passwd = join(dir, 'passwd');
  const access: string[] = ['allow_anonymous true'];
  if (options.auth) {
    await writeFile(passwd, '', { mode: 0o644 });
    for (const [user, password] of Object.entries(options.auth.users))
      execFileSync(MOSQUITTO_PASSWD_BIN, ['-b', passwd, user, password]);
    await copyFile(options.auth.aclFile, join(dir, 'acl'));
    await chmod(join(dir, 'acl'), 0o644);
    access.splice(0, 1, 'allow_anonymous false', `password_file ${passwd}`, `acl_file ${join(dir, 'acl')}`);
  }
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      ...access,
      'persistence false',
      ...(options.settings ?? []),
      'log_dest stderr',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('mosquitto did not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(`mosquitto listening on ${port}`, () => {
    if (child.exitCode !== null) throw new Error(`mosquitto exited: ${log}`);
    return log.includes(' running');
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    pid,
    async removeUser(username) {
      execFileSync(MOSQUITTO_PASSWD_BIN, ['-D', passwd, username]);
      process.kill(pid, 'SIGHUP');
    },
    async stop() {
      if (child.exitCode === null) {
        process.kill(pid, 'SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

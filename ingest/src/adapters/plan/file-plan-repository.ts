import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parsePlanYaml,
  type Plan,
  type PlanChange,
  type PlanRepository,
  type PlanVersion,
} from '@ssc-monitor/core';
import { stringify } from 'yaml';

const FILE = /^plan-v(\d{4,})\.yaml$/;
const HEADER = /^# version: (\d+)\n# author: (.*)\n# at: (\d+)\n# note: (.*)\n/;

/**
 * Plan versions as plain YAML files in a folder (`plan-v0001.yaml`, …), each with a header saying who
 * changed it, when and why. Files are written to a temporary name and renamed, so a crash never
 * leaves a half-written version; a planner can read or diff them with any tool.
 */
export class FilePlanRepository implements PlanRepository {
  constructor(private readonly dir: string) {}

  async latest(): Promise<PlanVersion | undefined> {
    const versions = await this.#versions();
    const newest = versions.at(-1);
    return newest === undefined ? undefined : this.get(newest);
  }

  async get(version: number): Promise<PlanVersion | undefined> {
    let text: string;
    try {
      text = await readFile(this.#path(version), 'utf8');
    } catch {
      return undefined;
    }
    const header = HEADER.exec(text);
    const parsed = parsePlanYaml(text);
    if (header === null || !parsed.ok) throw new Error(`plan version file ${this.#path(version)} is damaged`);
    return {
      version,
      author: header[2] ?? '',
      at: Number(header[3]),
      note: header[4] ?? '',
      plan: parsed.plan,
    };
  }

  async history(): Promise<PlanChange[]> {
    const versions = await this.#versions();
    const changes = await Promise.all(versions.map((v) => this.get(v)));
    return changes
      .filter((c) => c !== undefined)
      .map(({ version, author, at, note }) => ({ version, author, at, note }))
      .reverse();
  }

  async save(plan: Plan, change: { author: string; note: string }): Promise<PlanVersion> {
    await mkdir(this.dir, { recursive: true });
    const version = ((await this.#versions()).at(-1) ?? 0) + 1;
    const at = Date.now();
    const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 500);
    const header = `# version: ${version}\n# author: ${oneLine(change.author)}\n# at: ${at}\n# note: ${oneLine(change.note)}\n`;
    const path = this.#path(version);
    await writeFile(`${path}.tmp`, header + stringify(plan, { lineWidth: 0 }), { flag: 'wx' });
    await rename(`${path}.tmp`, path);
    return { version, author: oneLine(change.author), at, note: oneLine(change.note), plan };
  }

  async #versions(): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    return names
      .map((name) => FILE.exec(name)?.[1])
      .filter((v) => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  #path(version: number): string {
    return join(this.dir, `plan-v${String(version).padStart(4, '0')}.yaml`);
  }
}

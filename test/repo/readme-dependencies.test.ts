import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;

interface PackageJson {
  readonly workspaces?: readonly string[];
  readonly [field: string]: unknown;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Every third-party package a package.json of the repository names, with the files naming it. */
function declaredDependencies(): Map<string, string[]> {
  const root = readPackage('.');
  const declared = new Map<string, string[]>();
  for (const dir of ['.', ...(root.workspaces ?? [])]) {
    const manifest = readPackage(dir);
    for (const field of DEPENDENCY_FIELDS) {
      const names = Object.keys((manifest[field] as Record<string, string> | undefined) ?? {});
      // The workspaces themselves are this repository, not dependencies.
      for (const name of names.filter((n) => !n.startsWith('@ssc-monitor/')))
        declared.set(name, [...(declared.get(name) ?? []), `${dir}/package.json`]);
    }
  }
  return declared;
}

/** Package names in the first column of the README's "Dependencies and why" table, with the why. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Dependencies and why$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, first = '', why = ''] = cells;
    for (const match of first.matchAll(/`([^`]+)`/g)) if (match[1] !== undefined) rows.set(match[1], why);
  }
  return rows;
}

describe("the README's dependency table", () => {
  const table = readmeTable();

  it('is found, with rows', () => {
    expect(table.size).toBeGreaterThan(10);
  });

  it('names every dependency of every workspace package.json, each with a reason', () => {
    const missing = [...declaredDependencies()]
      .filter(([name]) => !table.has(name))
      .map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(missing, 'add these to "Dependencies and why" in README.md').toEqual([]);
    for (const [name, why] of table) expect(why.length, `why ${name}`).toBeGreaterThan(10);
  });

  it('names no package that no package.json declares', () => {
    const declared = declaredDependencies();
    expect([...table.keys()].filter((name) => !declared.has(name))).toEqual([]);
  });
});

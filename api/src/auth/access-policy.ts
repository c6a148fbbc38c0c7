import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'yaml';
import { AuthError } from './auth-errors.js';
import { ROLES, roleAtLeast, type RequiredRole, type Role } from './roles.js';

/** The policy shipped with the API; API_POLICY_FILE names another. */
export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../policy.yaml', import.meta.url));

const RequiredRoleSchema = Type.Union([Type.Literal('anyone'), ...ROLES.map((r) => Type.Literal(r))]);

const ROUTE_KEY = /^(GET|PUT|POST|DELETE|PATCH|OPTIONS) \/\S*$/;

const PolicyFileSchema = Type.Object({
  routes: Type.Record(
    Type.String(),
    Type.Union([
      RequiredRoleSchema,
      Type.Object({ role: RequiredRoleSchema, public: Type.Optional(Type.Boolean()) }),
    ]),
  ),
});

export interface PolicyEntry {
  /** The least role that may call the route; `anyone` needs no sign-in. */
  readonly role: RequiredRole;
  /** Readable without sign-in when the public dashboard is on (GET routes only). */
  readonly public: boolean;
}

/** `METHOD /path/:param` as Fastify registers it; HEAD is answered by its GET route. */
export function routeKey(method: string, url: string): string {
  const verb = method === 'HEAD' ? 'GET' : method;
  const path = url.length > 1 && url.endsWith('/') ? url.slice(0, -1) : url;
  return `${verb} ${path}`;
}

/** Which role each route needs. A route the policy does not name is denied to everyone. */
export class AccessPolicy {
  private constructor(private readonly entries: ReadonlyMap<string, PolicyEntry>) {}

  static parse(text: string, source: string): AccessPolicy {
    const value = AccessPolicy.read(text, source);
    const badKeys = Object.keys(value.routes).filter((key) => !ROUTE_KEY.test(key));
    if (badKeys.length > 0) {
      throw new AuthError(
        'AUTH_ERR_POLICY_INVALID',
        `${source}: ${badKeys.join(', ')} should be "METHOD /path" (GET, PUT, POST, DELETE, PATCH, OPTIONS).`,
      );
    }
    return new AccessPolicy(AccessPolicy.entriesOf(value));
  }

  private static read(text: string, source: string): Static<typeof PolicyFileSchema> {
    let value: unknown;
    try {
      value = parse(text);
    } catch (cause) {
      throw new AuthError('AUTH_ERR_POLICY_INVALID', `${source} is not valid YAML.`, { cause });
    }
    if (!Value.Check(PolicyFileSchema, value)) {
      const issues = [...Value.Errors(PolicyFileSchema, value)].slice(0, 3).map((e) => e.path || '/');
      throw new AuthError('AUTH_ERR_POLICY_INVALID', `${source}: invalid entries at ${issues.join(', ')}.`);
    }
    return value;
  }

  static async load(path: string = DEFAULT_POLICY_FILE): Promise<AccessPolicy> {
    return AccessPolicy.parse(await readFile(path, 'utf8'), path);
  }

  private static entriesOf(file: Static<typeof PolicyFileSchema>): Map<string, PolicyEntry> {
    const entries = new Map<string, PolicyEntry>();
    for (const [key, rule] of Object.entries(file.routes)) {
      const [method = '', url = ''] = key.split(' ');
      const entry = typeof rule === 'string' ? { role: rule, public: false } : rule;
      // Only reads can be public: a write always needs a key, whatever the file says.
      entries.set(routeKey(method, url), {
        role: entry.role,
        public: method === 'GET' && entry.public === true,
      });
    }
    return entries;
  }

  entryFor(method: string, url: string): PolicyEntry | undefined {
    return this.entries.get(routeKey(method, url));
  }

  /** Whether a reader of `role` (null: not signed in) may call the route; the same rule requests meet. */
  allows(method: string, url: string, role: Role | null, publicDashboard: boolean): boolean {
    const entry = this.entryFor(method, url);
    if (entry === undefined) return false;
    if (entry.role === 'anyone') return true;
    if (role === null) return publicDashboard && entry.public;
    return roleAtLeast(role, entry.role);
  }
}

import { describe, expect, it } from 'vitest';
import { buildApiApp } from '../app.js';
import { createMemoryView } from '../testing/memory-platform-view.js';
import { createTestKeys, TEST_NOW } from '../testing/test-app.js';
import { AccessPolicy } from './access-policy.js';
import { AuthError } from './auth-errors.js';

const isCoded = (code: string) => (e: unknown) => e instanceof AuthError && e.code === code;

describe('the access policy', () => {
  it('reads short and long entries, lets HEAD follow GET, and never makes a write public', () => {
    const policy = AccessPolicy.parse(
      'routes:\n  GET /a: viewer\n  GET /b/:id: { role: planner, public: true }\n  PUT /b/:id: { role: planner, public: true }\n',
      'test.yaml',
    );
    expect(policy.entryFor('GET', '/a')).toEqual({ role: 'viewer', public: false });
    expect(policy.entryFor('HEAD', '/b/:id')).toEqual({ role: 'planner', public: true });
    expect(policy.entryFor('PUT', '/b/:id')).toEqual({ role: 'planner', public: false });
    expect(policy.entryFor('DELETE', '/a')).toBeUndefined();
  });

  it('rejects an unknown role and bad YAML with coded errors', () => {
    expect(() => AccessPolicy.parse('routes:\n  GET /a: emperor\n', 'x.yaml')).toThrow(
      expect.toSatisfy(isCoded('AUTH_ERR_POLICY_INVALID')),
    );
    expect(() => AccessPolicy.parse('routes:\n  FETCH /a: viewer\n', 'x.yaml')).toThrow(
      expect.toSatisfy(isCoded('AUTH_ERR_POLICY_INVALID')),
    );
    expect(() => AccessPolicy.parse('routes: [', 'x.yaml')).toThrow(
      expect.toSatisfy(isCoded('AUTH_ERR_POLICY_INVALID')),
    );
  });

  it('keeps the app from starting when a route has no entry (fail closed)', async () => {
    const { keys } = await createTestKeys();
    const policy = AccessPolicy.parse('routes:\n  GET /api/health: anyone\n', 'partial.yaml');
    const app = await buildApiApp(createMemoryView(TEST_NOW), { logger: false, auth: { keys, policy } });
    try {
      await expect(app.ready()).rejects.toSatisfy(isCoded('AUTH_ERR_POLICY_MISSING_ROUTE'));
    } finally {
      await app.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isSession, roleAtLeast } from './session-api';

describe('session answers', () => {
  it.each([
    [{ authenticated: false, publicDashboard: false }, true],
    [{ authenticated: true, role: 'planner', name: 'Ana', via: 'session', publicDashboard: false }, true],
    [{ authenticated: true, role: 'mayor', publicDashboard: false }, false],
    [{ authenticated: 'yes', publicDashboard: false }, false],
    [{ authenticated: true }, false],
    [null, false],
  ])('%j is a session: %s', (value, expected) => expect(isSession(value)).toBe(expected));
});

describe('roleAtLeast', () => {
  it('orders viewer < operator < planner < admin, and nobody signed in has no role', () => {
    expect(roleAtLeast('planner', 'planner')).toBe(true);
    expect(roleAtLeast('admin', 'planner')).toBe(true);
    expect(roleAtLeast('operator', 'planner')).toBe(false);
    expect(roleAtLeast('viewer', 'operator')).toBe(false);
    expect(roleAtLeast(undefined, 'viewer')).toBe(false);
  });
});

/** Roles in increasing order of power: each role may do everything the ones before it may. */
export const ROLES = ['viewer', 'operator', 'planner', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** What a policy entry may require: a role, or nobody signed in at all. */
export type RequiredRole = Role | 'anyone';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is `required` or above. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

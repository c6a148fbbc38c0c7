import { Type } from '@sinclair/typebox';
import { ROLES } from '../auth/roles.js';
import { stringEnum } from './common.js';

export const SessionSchema = Type.Object(
  {
    authenticated: Type.Boolean({ description: 'Whether a valid key or session came with the request' }),
    role: Type.Optional(
      stringEnum(ROLES, { description: 'Role of the key: viewer < operator < planner < admin' }),
    ),
    name: Type.Optional(Type.String({ description: 'Name of the key' })),
    via: Type.Optional(stringEnum(['key', 'session'] as const)),
    publicDashboard: Type.Boolean({ description: 'Whether public GET routes are readable without sign-in' }),
  },
  { description: 'Who is calling' },
);

export const SignInSchema = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 200, description: 'An API key (ssc_…)' }),
});

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: stringEnum(ROLES),
  createdAt: Type.String({ description: 'ISO 8601' }),
  revokedAt: Type.Optional(Type.String({ description: 'ISO 8601; absent while the key is active' })),
});

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ApiKeyStore } from '../../auth/api-key-store.js';
import { errorResponses } from '../../schemas/common.js';
import { ApiKeySchema } from '../../schemas/session.js';

/** Read-only view of the API keys for admins; keys are created and revoked with the keys CLI. */
const keyRoutes: FastifyPluginAsyncTypebox<{ keys: ApiKeyStore }> = async (app, { keys }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'API keys (admin)',
        description: 'Id, name, role and dates of every key; the hashes are never sent.',
        tags: ['session'],
        response: { 200: Type.Object({ keys: Type.Array(ApiKeySchema) }), ...errorResponses() },
      },
    },
    // The response schema drops `hash`: only declared fields are serialised.
    async () => ({ keys: [...(await keys.list())] }),
  );
};

export default keyRoutes;

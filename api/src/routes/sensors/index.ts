import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformView } from '@ssc-monitor/core';
import { ApiError } from '../../errors.js';
import { errorResponses } from '../../schemas/common.js';
import { SensorIdParamsSchema, SensorListSchema, SensorStateSchema } from '../../schemas/sensor.js';

const sensorRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'Every sensor heard from',
        description: 'Sensors that sent at least one message since start-up, valid or not.',
        tags: ['sensors'],
        response: { 200: SensorListSchema, ...errorResponses() },
      },
    },
    async () => ({ sensors: view.sensors() }),
  );

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One sensor',
        tags: ['sensors'],
        params: SensorIdParamsSchema,
        response: { 200: SensorStateSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const sensor = view.sensor(id);
      if (sensor !== undefined) return sensor;
      throw new ApiError(
        'API_ERR_SENSOR_NOT_FOUND',
        `No reading was ever received from sensor '${id}'. Check that it publishes to the topic sensors/${id} ` +
          'on the platform broker; GET /api/sensors lists the sensors heard from.',
      );
    },
  );
};

export default sensorRoutes;

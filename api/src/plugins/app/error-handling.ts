import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, type ApiErrorBody, type ApiErrorCode } from '../../errors.js';

type FastifyValidationError = NonNullable<FastifyError['validation']>[number];

/** Answers GETs outside the API, e.g. the dashboard's client-side routes. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;

const NON_PAGE_PREFIXES = ['/api', '/docs'];

function body(statusCode: number, error: ApiErrorCode, message: string): ApiErrorBody {
  return { statusCode, error, message };
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? request.url;
}

function fieldOf(issue: FastifyValidationError): string {
  const params: Record<string, unknown> = issue.params;
  const missing = params['missingProperty'] ?? params['additionalProperty'];
  const path = issue.instancePath.slice(1).replaceAll('/', '.');
  if (typeof missing === 'string') return path === '' ? missing : `${path}.${missing}`;
  return path;
}

/**
 * What is wrong with the field, without naming it again: Ajv's own text repeats the property it is
 * about ("must have required property 'baseline'"), while the message already names the field.
 */
function problemOf(issue: FastifyValidationError): string {
  if (issue.keyword === 'required') return 'is required';
  if (issue.keyword === 'additionalProperties') return 'is not a known property';
  const allowed = issue.params['allowedValues'];
  const suffix = Array.isArray(allowed) ? `: ${allowed.join(', ')}` : '';
  return `${issue.message ?? 'is invalid'}${suffix}`;
}

/** "body 'targets.0.value' must be number"; the dashboard parses this form to mark the field. */
function validationMessage(error: FastifyError): string {
  const context = error.validationContext ?? 'request';
  const issues = (error.validation ?? []).map((issue) => {
    const field = fieldOf(issue);
    return field === '' ? `${context} ${problemOf(issue)}` : `${context} '${field}' ${problemOf(issue)}`;
  });
  return `${issues.join('; ')}. The parameters of every route are described at /docs.`;
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    return reply.code(error.statusCode).send(body(error.statusCode, error.code, error.message));
  }
  if (error.validation !== undefined) {
    return reply.code(400).send(body(400, 'API_ERR_VALIDATION', validationMessage(error)));
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    const message = 'The request body is larger than this server accepts (API_BODY_LIMIT).';
    return reply.code(413).send(body(413, 'API_ERR_PAYLOAD_TOO_LARGE', message));
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, unsupported media type…) carry no internals.
    return reply.code(status).send(body(status, 'API_ERR_BAD_REQUEST', error.message));
  }
  request.log.error({ err: error }, 'request failed');
  const message =
    `The server could not answer ${request.method} ${pathOf(request)}. ` +
    `The cause is in the server log under reqId ${request.id}.`;
  return reply.code(500).send(body(500, 'API_ERR_INTERNAL', message));
}

/** The single error handler and not-found handler of the app. */
export function installErrorHandling(app: FastifyInstance, pageFallback: PageFallback): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request);
    const isPage = !NON_PAGE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    if (isPage && (request.method === 'GET' || request.method === 'HEAD'))
      return pageFallback(request, reply);
    const message = `There is no route ${request.method} ${path}. The API's routes are listed at /docs.`;
    return reply.code(404).send(body(404, 'API_ERR_ROUTE_NOT_FOUND', message));
  });
}

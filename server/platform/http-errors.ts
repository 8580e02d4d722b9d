import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

interface ValidationIssue {
  instancePath?: string;
  params?: Record<string, unknown>;
}

/** Field names from validation issues: `/subject` -> subject; missing props by name. */
function fieldsOf(issues: readonly ValidationIssue[]): string[] {
  const names = new Set<string>();
  for (const issue of issues) {
    const missing = issue.params?.missingProperty ?? issue.params?.requiredProperties;
    if (typeof missing === 'string') names.add(missing);
    else if (Array.isArray(missing)) for (const m of missing) names.add(String(m));
    else if (issue.instancePath) names.add(issue.instancePath.replace(/^\//, '').split('/')[0]);
  }
  return [...names].filter(Boolean);
}

/** Renders every error as `{error: {code, message, fields?}}` with a fitting status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } });
    }
    if (error.validation) {
      const fields = fieldsOf(error.validation as ValidationIssue[]);
      return reply.status(400).send({
        error: { code: 'validation_failed', message: error.message, ...(fields.length > 0 && { fields }) },
      });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: 'Too many attempts, try again later' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code?.toLowerCase() ?? 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  });
}

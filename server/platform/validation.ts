import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS: under ESM its module object arrives as the default import.
const addFormats = addFormatsModule.default;

const BASE: Options = { removeAdditional: true, useDefaults: true, allErrors: true, strict: false };

/**
 * Request validation with two rule sets: query strings, params and headers arrive as text,
 * so they are coerced (`?limit=5` is a number); JSON bodies are taken exactly as sent, so a
 * `false` stays a boolean and `"42"` stays text.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = new Ajv({ ...BASE, coerceTypes: 'array' });
  const exact = new Ajv({ ...BASE, coerceTypes: false });
  addFormats(coercing);
  addFormats(exact);
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema as object);
}

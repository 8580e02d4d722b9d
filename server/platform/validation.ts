import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS: under ESM its module object arrives as the default import.
const addFormats = addFormatsModule.default;

const BASE: Options = { removeAdditional: true, useDefaults: true, allErrors: true, strict: false };

/** The JSON-pointer path of the first string holding a NUL character, or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** A validator as Fastify calls it: false with `errors` set when the input is refused. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * Wraps a schema validator so text holding NUL is refused with the field named: no text we
 * store may contain it (PostgreSQL cannot), and it is never meaningful in a help desk.
 */
function refusingNul(validate: Validator): Validator {
  const check: Validator = (data) => {
    if (!validate(data)) {
      check.errors = validate.errors;
      return false;
    }
    const at = nulPath(data, '');
    check.errors =
      at === null
        ? null
        : [{ instancePath: at, schemaPath: '#/nul', keyword: 'nul', params: {}, message: 'must not contain NUL' }];
    return at === null;
  };
  return check;
}

/**
 * Request validation with two rule sets: query strings, params and headers arrive as text,
 * so they are coerced (`?limit=5` is a number); JSON bodies are taken exactly as sent, so a
 * `false` stays a boolean and `"42"` stays text. No part may carry a NUL character.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = new Ajv({ ...BASE, coerceTypes: 'array' });
  const exact = new Ajv({ ...BASE, coerceTypes: false });
  addFormats(coercing);
  addFormats(exact);
  return ({ schema, httpPart }) => refusingNul((httpPart === 'body' ? exact : coercing).compile(schema as object));
}

import { badRequest } from './errors.ts';

/**
 * A name as given in a create or change body: trimmed; undefined when the body leaves it out.
 * Blank is refused with 400 naming `name` (the schema's minLength lets "   " through).
 */
export function requireName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.trim();
  if (!trimmed) throw badRequest('Name is required', ['name']);
  return trimmed;
}

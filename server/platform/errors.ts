/**
 * Errors a service throws to end a request with a 4xx and a stable code. The HTTP layer
 * renders `{error: {code, message, fields?}}`; `fields` names the offending input fields.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: string[];

  constructor(status: number, code: string, message: string, fields?: string[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const badRequest = (message: string, fields?: string[]) =>
  new AppError(400, 'validation_failed', message, fields);
export const unauthenticated = (message = 'Authentication required') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'forbidden', message);
export const fieldForbidden = (fields: string[]) =>
  new AppError(403, 'field_forbidden', `You may not change: ${fields.join(', ')}`, fields);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, fields?: string[]) => new AppError(409, code, message, fields);

import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { AppError, unauthenticated } from '../../platform/errors.ts';
import { actorFromApiToken, actorFromSession } from './auth.service.ts';

export const SESSION_COOKIE = 'fd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated actor; set for every non-public route. */
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without authentication are listed explicitly with `public: true`. */
    public?: boolean;
  }
}

/** The actor of an authenticated route (the auth hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    request.actor = await actorFromApiToken(ctx, header.slice(7).trim());
    if (!request.actor) throw new AppError(401, 'unauthenticated', 'Invalid API token');
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const session = await actorFromSession(ctx, cookie);
  if (!session) return;
  request.actor = session.actor;
  request.csrfToken = session.csrfToken;
  // Cookies ride along with cross-site requests; a state change must prove it came from our page.
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError(403, 'csrf_failed', 'Missing or wrong x-csrf-token header');
  }
}

/**
 * Authentication for everything under the prefix this plugin is registered in: deny by
 * default, with routes marked `config.public` as the only exceptions.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    await authenticate(opts.ctx, request);
    if (!request.actor && !request.routeOptions.config.public) throw unauthenticated();
  });
});

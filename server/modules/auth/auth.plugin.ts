import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../../common/permissions.ts';
import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { AppError, unauthenticated } from '../../platform/errors.ts';
import { actorFromApiToken, actorFromSession } from './auth.service.ts';

export const SESSION_COOKIE = 'fd_session';

/** A route's permission rule: one permission, any of several, or any signed-in user. */
export type RoutePermission = Permission | readonly Permission[] | 'authenticated';

/** Anyone who may read some tickets (their own, their organization's, their group's or all). */
export const TICKET_READERS: readonly Permission[] = [
  'ticket.read.own',
  'ticket.read.organization',
  'ticket.read.group',
  'ticket.read.all',
];

/** True when the actor passes a route's permission rule. */
export function passesRoutePermission(actor: Actor, rule: RoutePermission | undefined): boolean {
  if (rule === undefined) return false;
  if (rule === 'authenticated') return true;
  const anyOf: readonly Permission[] = typeof rule === 'string' ? [rule] : rule;
  return anyOf.some((p) => actor.permissions.has(p));
}
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
    /**
     * Who may call the route at all: any of these permissions, or every signed-in user.
     * A route under /api/v1 without a rule is refused to everyone (deny by default).
     * Object rules and field rules are checked again in the service.
     */
    permission?: RoutePermission;
  }
}

/** The actor of an authenticated route (the auth hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/**
 * Who the request's credentials stand for now, read again (no CSRF check: for re-checking a
 * long-lived GET such as the live event stream). Null once the session or token is gone.
 */
export async function currentActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return actorFromApiToken(ctx, header.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  return (await actorFromSession(ctx, cookie))?.actor ?? null;
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
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!request.actor) throw unauthenticated();
    if (!passesRoutePermission(request.actor, config.permission)) {
      throw new AppError(403, 'forbidden', 'Your role may not use this function');
    }
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Actor } from './authz/policy.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Db } from './db/kysely.ts';
import type { TypedApp } from './http.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authPlugin, type RoutePermission } from './modules/auth/auth.plugin.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { cannedRoutes } from './modules/canned/canned.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { catalogAdminRoutes } from './modules/catalog/catalog-admin.routes.ts';
import { customFieldsRoutes } from './modules/customfields/customfields.routes.ts';
import { registerKbJobs } from './modules/kb/kb.jobs.ts';
import { kbEditorRoutes } from './modules/kb/kb-editor.routes.ts';
import { kbPublicRoutes } from './modules/kb/kb-public.routes.ts';
import { registerMailJobs } from './modules/mail/mail.jobs.ts';
import { mailAdminRoutes, ticketMailRoutes } from './modules/mail/mail-admin.routes.ts';
import { MailParsing } from './modules/mail/parse-pool.ts';
import { createMailTransport } from './modules/mail/transport.ts';
import { inboxRoutes } from './modules/notifications/inbox.routes.ts';
import { myNotificationSettingsRoutes } from './modules/notifications/me-settings.routes.ts';
import { registerNotificationJobs } from './modules/notifications/notifications.jobs.ts';
import { notificationRulesRoutes } from './modules/notifications/rules.routes.ts';
import { watchersRoutes } from './modules/notifications/watchers.routes.ts';
import { opsRoutes } from './modules/ops/ops.routes.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { eventsRoutes } from './modules/realtime/events.routes.ts';
import { rolesRoutes } from './modules/roles/roles.routes.ts';
import { registerSearchJobs } from './modules/search/search.jobs.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { registerSlaJobs } from './modules/sla/sla.jobs.ts';
import { slaAdminRoutes } from './modules/sla/sla-admin.routes.ts';
import { registerTicketJobs } from './modules/tickets/tickets.jobs.ts';
import { ticketsRoutes } from './modules/tickets/tickets.routes.ts';
import { myTokensRoutes } from './modules/tokens/me-tokens.routes.ts';
import { tokensRoutes } from './modules/tokens/tokens.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { vendorsRoutes } from './modules/vendors/vendors.routes.ts';
import { WorkflowStore } from './modules/workflow/workflow.store.ts';
import { workflowAdminRoutes } from './modules/workflow/workflow-admin.routes.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { installErrorHandler } from './platform/http-errors.ts';
import { Worker } from './platform/jobs.ts';
import { RealtimeHub } from './platform/realtime.ts';
import { loadInstanceSecret } from './platform/secret.ts';
import { LocalStorage } from './platform/storage.ts';
import { createValidatorCompiler } from './platform/validation.ts';

export interface BuildOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Pino options or false to silence logs (tests). */
  logger?: boolean | { level: string };
  /** How often the auto-close schedule runs. */
  autoCloseEveryMs?: number;
  /** Interval of the periodic SLA check (warnings, breaches, vendor reminders). */
  slaCheckEveryMs?: number;
  /** Interval of IMAP polling; 0 = never (tests poll explicitly). Default: MAIL_POLL_SECONDS. */
  mailPollEveryMs?: number;
}

export interface BuiltApp {
  app: TypedApp;
  ctx: AppContext;
  /** Flips /readyz to 503 before a graceful shutdown. */
  state: { shuttingDown: boolean };
  /** Every registered route with its access rule (the authorization matrix test reads it). */
  routes: RegisteredRoute[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
  permission: RoutePermission | undefined;
}

/**
 * Builds the HTTP application and its context without listening: `server/main.ts` listens,
 * tests call `app.inject`. Everything under /api/v1 requires authentication unless a route
 * is marked public.
 */
export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, db } = options;
  const app: TypedApp = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(createValidatorCompiler());
  const clock = options.clock ?? systemClock;
  const log: FastifyBaseLogger = app.log;
  const worker = new Worker(db, clock, log, config.jobLockSeconds * 1000);
  const ctx: AppContext = {
    config,
    db,
    clock,
    storage: new LocalStorage(join(config.dataDir, 'attachments')),
    realtime: new RealtimeHub<Actor>(db),
    worker,
    log,
    workflow: new WorkflowStore(db),
    secret: loadInstanceSecret(config.dataDir, config.secretKey),
    mailTransport: createMailTransport(config.smtpUrl),
    mailParsing: new MailParsing(config.mailParseThreads),
  };
  await ctx.workflow.reload();
  const state = { shuttingDown: false };
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        public: route.config?.public === true,
        permission: route.config?.permission,
      });
    }
  });

  installErrorHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Frontdesk API',
        version: '1',
        description: 'Help desk API. Errors: {error: {code, message, fields?}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // Not encapsulated: the metrics hooks must see every route.
  await opsRoutes(app, ctx, state);
  await app.register(
    async (api) => {
      // Configuration the services read synchronously (workflow) is refreshed before each call.
      api.addHook('onRequest', async () => {
        await ctx.workflow.fresh();
      });
      await api.register(authPlugin, { ctx });
      for (const routes of [
        authRoutes,
        usersRoutes,
        rolesRoutes,
        auditRoutes,
        settingsRoutes,
        customFieldsRoutes,
        ticketsRoutes,
        attachmentsRoutes,
        catalogRoutes,
        catalogAdminRoutes,
        slaAdminRoutes,
        vendorsRoutes,
        organizationsRoutes,
        workflowAdminRoutes,
        mailAdminRoutes,
        ticketMailRoutes,
        notificationRulesRoutes,
        myNotificationSettingsRoutes,
        inboxRoutes,
        watchersRoutes,
        kbPublicRoutes,
        kbEditorRoutes,
        cannedRoutes,
        eventsRoutes,
        tokensRoutes,
        myTokensRoutes,
        searchRoutes,
      ]) {
        await routes(api as TypedApp, ctx);
      }
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = existsSync(join(config.webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET outside the API gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}` } });
  });

  registerTicketJobs(ctx, options.autoCloseEveryMs ?? 60_000);
  registerSlaJobs(ctx, options.slaCheckEveryMs ?? 60_000);
  registerMailJobs(ctx, options.mailPollEveryMs ?? config.mailPollSeconds * 1000);
  registerNotificationJobs(ctx);
  registerKbJobs(ctx);
  registerSearchJobs(ctx);
  app.addHook('onClose', async () => {
    await worker.stop();
    await ctx.realtime.stop();
    ctx.mailTransport.close();
    await ctx.mailParsing.close();
  });
  return { app, ctx, state, routes };
}

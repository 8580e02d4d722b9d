import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import { pingDatabase } from '../../db/kysely.ts';
import type { TypedApp } from '../../http.ts';

/** Health, readiness and Prometheus metrics, at the root (public, listed explicitly). */
export async function opsRoutes(app: TypedApp, ctx: AppContext, state: { shuttingDown: boolean }): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'frontdesk_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'frontdesk_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'frontdesk_realtime_clients',
    help: 'Connected live-update clients on this node',
    registers: [registry],
    collect() {
      this.set(ctx.realtime.clientCount);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const dbAnswers = () => pingDatabase(ctx.db);
  const Health = Type.Object({ status: Type.String() });

  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['ops'],
        summary: 'Liveness: 200 when the database answers',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) =>
      (await dbAnswers()) ? { status: 'ok' } : reply.status(503).send({ status: 'database unavailable' }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { tags: ['ops'], summary: 'Readiness: 503 while shutting down', response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      if (state.shuttingDown) return reply.status(503).send({ status: 'shutting down' });
      return (await dbAnswers()) ? { status: 'ready' } : reply.status(503).send({ status: 'database unavailable' });
    },
  );

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', registry.contentType).send(await registry.metrics()),
  );
}

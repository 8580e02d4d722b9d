import { Type } from 'typebox';
import { TICKET_PRIORITIES } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import {
  changeCalendar,
  changeContract,
  changePolicy,
  createCalendar,
  createContract,
  createPolicy,
  listCalendarViews,
  listContractViews,
  listPolicyViews,
  removeCalendar,
  removeContract,
  removePolicy,
} from './sla-admin.service.ts';

const Name = Type.String({ minLength: 1, maxLength: 120 });
const Created = Type.Object({ id: Type.Integer() });
const NullableId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Minutes = Type.Union([Type.Integer({ minimum: 1, maximum: 525_600 }), Type.Null()]);

const Interval = Type.Object({ start: Type.String({ maxLength: 5 }), end: Type.String({ maxLength: 5 }) });
const Week = Type.Record(Type.String({ pattern: '^[0-6]$' }), Type.Array(Interval, { maxItems: 8 }));
const Holiday = Type.Object({ date: DateString, yearly: Type.Optional(Type.Boolean()) });
const CalendarBody = Type.Object({
  name: Name,
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  week: Week,
  holidays: Type.Array(Holiday, { maxItems: 400 }),
});
const CalendarSchema = Type.Object({ id: Type.Integer(), ...CalendarBody.properties });

const Target = Type.Object({ firstResponse: Minutes, resolution: Minutes });
const Targets = Type.Object(
  Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, Target])) as Record<
    (typeof TICKET_PRIORITIES)[number],
    typeof Target
  >,
);
const PolicyBody = Type.Object({
  name: Name,
  calendarId: Type.Integer({ minimum: 1 }),
  targets: Targets,
  warnAtPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  isDefault: Type.Boolean(),
});
const PolicySchema = Type.Object({ id: Type.Integer(), ...PolicyBody.properties });

const ContractBody = Type.Object({
  name: Name,
  organizationId: NullableId,
  customerId: NullableId,
  serviceId: NullableId,
  slaPolicyId: Type.Integer({ minimum: 1 }),
  validFrom: DateString,
  validTo: Type.Union([DateString, Type.Null()]),
});
const ContractSchema = Type.Object({ id: Type.Integer(), ...ContractBody.properties });

const NoContent = { 204: Type.Null(), ...errorResponses };

/** Administration of business calendars, SLA policies and contracts. */
export async function slaAdminRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['sla'];
  const config = { permission: 'admin.sla.manage' } as const;

  app.get(
    '/sla/calendars',
    {
      config,
      schema: { tags, summary: 'Business calendars', response: { 200: Type.Array(CalendarSchema), ...errorResponses } },
    },
    async () => listCalendarViews(ctx),
  );
  app.post(
    '/sla/calendars',
    {
      config,
      schema: {
        tags,
        summary: 'Create a business calendar (weekly hours by weekday 0 = Sunday, holidays, IANA time zone)',
        body: CalendarBody,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createCalendar(ctx, actorOf(request), request.body) }),
  );
  app.put(
    '/sla/calendars/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Replace a calendar; open tickets get new due dates',
        params: IdParams,
        body: CalendarBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeCalendar(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/sla/calendars/:id',
    { config, schema: { tags, summary: 'Delete a calendar no policy uses', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await removeCalendar(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/sla/policies',
    {
      config: { permission: ['admin.sla.manage', 'admin.vendors.manage'] },
      schema: { tags, summary: 'SLA policies', response: { 200: Type.Array(PolicySchema), ...errorResponses } },
    },
    async () => listPolicyViews(ctx),
  );
  app.post(
    '/sla/policies',
    {
      config,
      schema: {
        tags,
        summary: 'Create an SLA policy: minutes to first response and resolution per priority',
        body: PolicyBody,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createPolicy(ctx, actorOf(request), request.body) }),
  );
  app.put(
    '/sla/policies/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Replace an SLA policy; open tickets get new due dates',
        params: IdParams,
        body: PolicyBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changePolicy(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/sla/policies/:id',
    { config, schema: { tags, summary: 'Delete an unused SLA policy', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await removePolicy(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/contracts',
    {
      config,
      schema: { tags, summary: 'Contracts', response: { 200: Type.Array(ContractSchema), ...errorResponses } },
    },
    async () => listContractViews(ctx),
  );
  app.post(
    '/contracts',
    {
      config,
      schema: {
        tags,
        summary: 'Create a contract of an organization or a customer, for one service or all',
        body: ContractBody,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createContract(ctx, actorOf(request), request.body) }),
  );
  app.put(
    '/contracts/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Replace a contract; affected open tickets follow',
        params: IdParams,
        body: ContractBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeContract(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/contracts/:id',
    { config, schema: { tags, summary: 'Delete a contract', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await removeContract(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

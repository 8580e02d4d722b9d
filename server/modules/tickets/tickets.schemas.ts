import { Type } from 'typebox';
import { MESSAGE_KINDS, QUEUE_KEYS, TICKET_CHANNELS, TICKET_PRIORITIES } from '../../../common/domain.ts';
import { SORTS } from './ticket-queries.service.ts';

const Id = Type.Integer({ minimum: 1 });
const NullableId = Type.Union([Id, Type.Null()]);
const Person = Type.Object({ id: Type.Integer(), name: Type.String(), email: Type.String() });
const Access = Type.Union([Type.Literal('read'), Type.Literal('write')]);

/** A status or type key: built-in ones and those admins define. */
export const WorkflowKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
export const Status = WorkflowKey;

const NullableString = Type.Union([Type.String(), Type.Null()]);
const SlaState = Type.Enum(['running', 'paused', 'met', 'breached', 'none'] as const);
const SlaTarget = { dueAt: NullableString, state: SlaState, warning: Type.Boolean() };
const SlaSchema = Type.Object({
  policyId: Type.Union([Type.Integer(), Type.Null()]),
  policyName: NullableString,
  dueAt: NullableString,
  firstResponse: Type.Object(SlaTarget),
  resolution: Type.Object({ ...SlaTarget, remainingMinutes: Type.Union([Type.Integer(), Type.Null()]) }),
});
const VendorSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  reference: NullableString,
  escalatedAt: NullableString,
  dueAt: NullableString,
  laterThanCustomerDue: Type.Boolean(),
});

/** A custom field value: text, number, checkbox, list of options, or null to clear. */
export const CustomValueSchema = Type.Union([
  Type.String({ maxLength: 20_000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
  Type.Null(),
]);
const CustomValuesInput = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), CustomValueSchema);

/** The ticket as sent to clients. Optional fields are absent when the role may not read them. */
export const TicketSchema = Type.Object({
  id: Type.Integer(),
  number: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Optional(Type.String()),
  priority: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
  channel: Type.Optional(Type.String()),
  requesterId: Type.Optional(Type.Integer()),
  requester: Type.Optional(Person),
  ownerId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  owner: Type.Optional(Type.Union([Person, Type.Null()])),
  groupId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  categoryId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  serviceId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  organizationId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  solution: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  sla: Type.Optional(SlaSchema),
  vendor: Type.Optional(Type.Union([VendorSchema, Type.Null()])),
  secondLineAt: Type.Optional(NullableString),
  customFields: Type.Optional(Type.Record(Type.String(), CustomValueSchema)),
  abilities: Type.Object({
    update: Type.Boolean(),
    assign: Type.Boolean(),
    reply: Type.Boolean(),
    note: Type.Boolean(),
    phone: Type.Boolean(),
    escalate: Type.Boolean(),
    escalateVendor: Type.Boolean(),
    fields: Type.Record(Type.String(), Access),
    transitions: Type.Array(Type.Object({ to: Type.String(), requires: Type.Array(Type.String()) })),
  }),
});

export const CreateTicketBody = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 250 }),
  body: Type.String({ minLength: 1, maxLength: 200_000 }),
  type: Type.Optional(WorkflowKey),
  priority: Type.Optional(Type.Enum(TICKET_PRIORITIES)),
  categoryId: Type.Optional(Id),
  serviceId: Type.Optional(Id),
  requesterId: Type.Optional(Id),
  channel: Type.Optional(Type.Enum(TICKET_CHANNELS)),
  attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  customFields: Type.Optional(CustomValuesInput),
});

export const UpdateTicketBody = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 250 })),
    priority: Type.Optional(Type.Enum(TICKET_PRIORITIES)),
    type: Type.Optional(WorkflowKey),
    categoryId: Type.Optional(NullableId),
    serviceId: Type.Optional(NullableId),
    ownerId: Type.Optional(NullableId),
    groupId: Type.Optional(NullableId),
    // Named so a write to them is refused with 403 naming the field, not silently dropped.
    requesterId: Type.Optional(Id),
    organizationId: Type.Optional(NullableId),
    channel: Type.Optional(Type.String()),
    solution: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    customFields: Type.Optional(CustomValuesInput),
  },
  { minProperties: 1 },
);

export const ListTicketsQuery = Type.Object({
  queue: Type.Optional(Type.Enum(QUEUE_KEYS)),
  status: Type.Optional(Type.Array(Status)),
  ownerId: Type.Optional(Id),
  requesterId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Optional(Type.Enum(SORTS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  /** Custom field filters, `key:value` (repeat for several). */
  cf: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}:.{1,200}$' }), { maxItems: 10 })),
});

export const TransitionBody = Type.Object({
  to: Status,
  comment: Type.Optional(Type.String({ maxLength: 20_000 })),
  solution: Type.Optional(Type.String({ maxLength: 50_000 })),
});

export const EscalateBody = Type.Object({
  groupId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  reason: Type.String({ minLength: 1, maxLength: 20_000 }),
});

export const VendorEscalationBody = Type.Object({
  vendorId: Id,
  reference: Type.Optional(Type.String({ maxLength: 200 })),
  reason: Type.String({ minLength: 1, maxLength: 20_000 }),
});

export const MessageSchema = Type.Object({
  id: Type.Integer(),
  ticketId: Type.Integer(),
  kind: Type.String(),
  visibility: Type.String(),
  body: Type.String(),
  authorId: Type.Integer(),
  author: Type.Object({ id: Type.Integer(), name: Type.String() }),
  createdAt: Type.String(),
  attachments: Type.Array(
    Type.Object({ id: Type.Integer(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() }),
  ),
  /** Quoted history and signature cut from an inbound mail (sanitized HTML). */
  quoted: Type.Union([Type.String(), Type.Null()]),
  /** The From address of an inbound mail. */
  senderEmail: Type.Union([Type.String(), Type.Null()]),
  /** The mail carried this ticket's tag but came from someone not on the ticket. */
  unverifiedSender: Type.Boolean(),
});

export const NewMessageBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 200_000 }),
  kind: Type.Optional(Type.Enum(MESSAGE_KINDS.filter((k) => k !== 'email'))),
  attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
});

export const HistorySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actor: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  field: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
});

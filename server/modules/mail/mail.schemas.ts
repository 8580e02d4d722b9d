import { Type } from 'typebox';
import { Nullable } from '../shared.schemas.ts';
import { ACCOUNT_KINDS, AFTER_IMPORT, TLS_MODES } from './accounts.service.ts';

const NullableText = (maxLength: number) => Nullable(Type.String({ maxLength }));

export const MailAccountBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  kind: Type.Enum(ACCOUNT_KINDS),
  address: NullableText(254),
  host: NullableText(255),
  port: Nullable(Type.Integer({ minimum: 1, maximum: 65535 })),
  tls: Type.Enum(TLS_MODES),
  allowSelfSigned: Type.Boolean(),
  username: NullableText(255),
  password: Type.Optional(NullableText(500)),
  folder: Type.String({ maxLength: 255 }),
  afterImport: Type.Enum(AFTER_IMPORT),
  moveTo: NullableText(255),
  groupId: Nullable(Type.Integer({ minimum: 1 })),
  categoryId: Nullable(Type.Integer({ minimum: 1 })),
  serviceId: Nullable(Type.Integer({ minimum: 1 })),
  active: Type.Boolean(),
});

export const MailAccountSchema = Type.Object({
  ...Type.Omit(MailAccountBody, ['password']).properties,
  id: Type.Integer(),
  hasPassword: Type.Boolean(),
  lastPolledAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

export const ConnectionTestSchema = Type.Object({
  ok: Type.Boolean(),
  messages: Type.Optional(Type.Integer()),
  error: Type.Optional(Type.String()),
});

export const PollResultSchema = Type.Object({
  accountId: Type.Integer(),
  fetched: Type.Integer(),
  acknowledged: Type.Integer(),
  failed: Type.Integer(),
  error: Nullable(Type.String()),
});

export const RECEIPT_STATUSES = ['pending', 'processed', 'ignored', 'failed'] as const;

export const ReceiptSchema = Type.Object({
  id: Type.Integer(),
  accountId: Nullable(Type.Integer()),
  source: Type.String(),
  sourceRef: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
  size: Type.Integer(),
  status: Type.String(),
  outcome: Nullable(Type.String()),
  error: Nullable(Type.String()),
  attempts: Type.Integer(),
  fromAddress: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  ticketId: Nullable(Type.Integer()),
  receivedAt: Type.String(),
  processedAt: Nullable(Type.String()),
  /** When the raw message was removed after MAIL_RAW_RETENTION_DAYS; null while it is kept. */
  rawRemovedAt: Nullable(Type.String()),
});

export const ReceiptListQuery = Type.Object({
  status: Type.Optional(Type.Enum(RECEIPT_STATUSES)),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const ReceiptListSchema = Type.Object({
  items: Type.Array(ReceiptSchema),
  counts: Type.Record(Type.String(), Type.Integer()),
});

export const OUTBOUND_STATUSES = ['queued', 'sent', 'failed', 'dev', 'suppressed', 'bounced'] as const;

export const OutboundSchema = Type.Object({
  id: Type.Integer(),
  ticketId: Nullable(Type.Integer()),
  template: Type.String(),
  to: Type.String(),
  cc: Type.Array(Type.String()),
  subject: Type.String(),
  messageId: Type.String(),
  automatic: Type.Boolean(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});

export const OutboundDetailSchema = Type.Object({
  ...OutboundSchema.properties,
  inReplyTo: Nullable(Type.String()),
  references: Type.Array(Type.String()),
  html: Type.String(),
  text: Type.String(),
});

export const OutboundListQuery = Type.Object({
  status: Type.Optional(Type.Enum(OUTBOUND_STATUSES)),
  ticketId: Type.Optional(Type.Integer({ minimum: 1 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const TicketMailSchema = Type.Object({
  cc: Type.Array(Type.String()),
  bouncing: Type.Array(
    Type.Object({ email: Type.String(), reason: Nullable(Type.String()), lastBounceAt: Nullable(Type.String()) }),
  ),
  deliveries: Type.Array(OutboundSchema),
});

export const TicketLinkSchema = Type.Object({
  ticketId: Type.Integer(),
  number: Type.Integer(),
  subject: Type.Union([Type.String(), Type.Null()], { description: 'Null when the subject is hidden to you' }),
  status: Type.String(),
  kind: Type.String(),
});

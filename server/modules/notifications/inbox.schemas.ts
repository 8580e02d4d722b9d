import { Type } from 'typebox';
import { Nullable } from '../shared.schemas.ts';

export const InboxQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'Only unread notifications' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Page size (default 20)' })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only notifications with a smaller id (paging)' })),
});

export const InboxItemSchema = Type.Object({
  id: Type.Integer(),
  event: Type.String(),
  ticketId: Type.Integer(),
  ticketNumber: Type.Integer(),
  ticketSubject: Nullable(Type.String({ description: 'Null when the subject is hidden to the reader' })),
  actorName: Nullable(Type.String()),
  text: Type.String({ description: "One-line summary in the reader's language" }),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

export const InboxPageSchema = Type.Object({
  items: Type.Array(InboxItemSchema),
  unreadCount: Type.Integer(),
  nextBefore: Nullable(Type.Integer()),
});

export const UnreadCountSchema = Type.Object({ count: Type.Integer() });

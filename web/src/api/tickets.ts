import type {
  MessageKind,
  MessageVisibility,
  QueueKey,
  TicketChannel,
  TicketField,
  TicketPriority,
  TicketStatus,
  TicketType,
} from '../../../common/domain.ts';
import { apiRequest, type ItemList, type Page, toQueryString } from './client.ts';
import type { CustomValue } from './customfields.ts';

export interface PersonRef {
  id: number;
  name: string;
  email: string;
}

export interface TicketTransition {
  to: TicketStatus;
  requires: string[];
}

export interface TicketAbilities {
  update: boolean;
  assign: boolean;
  reply: boolean;
  note: boolean;
  phone: boolean;
  escalate: boolean;
  escalateVendor: boolean;
  /** Ticket fields and custom fields (`cf.<key>`) the actor may read or write. */
  fields: Partial<Record<TicketField | (string & {}), 'read' | 'write'>>;
  transitions: TicketTransition[];
}

export type SlaState = 'running' | 'paused' | 'met' | 'breached' | 'none';

export interface SlaTarget {
  dueAt: string | null;
  state: SlaState;
  /** Running and past the warning share of the target. */
  warning: boolean;
}

/** The ticket's SLA as of the server's now. */
export interface TicketSla {
  policyId: number | null;
  policyName: string | null;
  /** The next pending deadline (what the queue sorts by). */
  dueAt: string | null;
  firstResponse: SlaTarget;
  resolution: SlaTarget & { remainingMinutes: number | null };
}

export interface TicketVendor {
  id: number;
  name: string;
  reference: string | null;
  escalatedAt: string | null;
  dueAt: string | null;
  /** The vendor's due date falls after the resolution date promised to the customer. */
  laterThanCustomerDue: boolean;
}

/** A ticket as the actor sees it: fields their role may not read are absent. */
export interface Ticket {
  id: number;
  number: number;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  subject?: string;
  priority?: TicketPriority;
  type?: TicketType;
  channel?: TicketChannel;
  requesterId?: number;
  requester?: PersonRef;
  ownerId?: number | null;
  owner?: PersonRef | null;
  groupId?: number | null;
  categoryId?: number | null;
  serviceId?: number | null;
  organizationId?: number | null;
  solution?: string | null;
  sla?: TicketSla;
  vendor?: TicketVendor | null;
  /** When the ticket first left the first line. */
  secondLineAt?: string | null;
  /** Custom field values the actor may read, by key. */
  customFields?: Record<string, CustomValue>;
  abilities: TicketAbilities;
}

export interface Attachment {
  id: number;
  filename: string;
  contentType: string;
  size: number;
}

export interface TicketMessage {
  id: number;
  ticketId: number;
  kind: MessageKind;
  visibility: MessageVisibility;
  body: string;
  authorId: number | null;
  author: PersonRef | null;
  createdAt: string;
  attachments: Attachment[];
  /** Quoted history and signature cut from an inbound mail (sanitized HTML). */
  quoted: string | null;
  /** The From address of an inbound mail. */
  senderEmail: string | null;
  /** The mail carried this ticket's number but came from someone who is not on the ticket. */
  unverifiedSender: boolean;
}

/** An outgoing mail about a ticket, with its delivery state. */
export interface TicketDelivery {
  id: number;
  ticketId: number | null;
  template: string;
  to: string;
  cc: string[];
  subject: string;
  messageId: string;
  /** Sent by the system (receipt, status change) rather than an agent's reply. */
  automatic: boolean;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The mail side of a ticket (agents): copied addresses, bouncing addresses, sent mail. */
export interface TicketMailStatus {
  cc: string[];
  bouncing: { email: string; reason: string | null; lastBounceAt: string | null }[];
  deliveries: TicketDelivery[];
}

/** A ticket linked to this one; `kind` is `follow_up_of:<reason>` or `followed_by:<reason>`. */
export interface TicketLink {
  ticketId: number;
  number: number;
  /** Null when the subject is hidden to you (field rules). */
  subject: string | null;
  status: TicketStatus | (string & {});
  kind: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actorId: number | null;
  actor: PersonRef | string | null;
  field: string;
  from: string | number | null;
  to: string | number | null;
}

export interface QueueCount {
  key: QueueKey;
  count: number;
}

export interface TicketListParams {
  queue?: QueueKey;
  status?: TicketStatus[];
  ownerId?: number;
  requesterId?: number;
  q?: string;
  /** Custom field filters, each `key:value`. */
  cf?: string[];
  sort?: 'updated' | '-updated' | 'created' | '-created' | 'number' | '-number' | 'due' | '-due';
  limit?: number;
  cursor?: string | null;
}

export interface CreateTicketInput {
  subject: string;
  body: string;
  type?: TicketType;
  priority?: TicketPriority;
  categoryId?: number;
  serviceId?: number;
  requesterId?: number;
  channel?: TicketChannel;
  attachmentIds?: number[];
  customFields?: Record<string, CustomValue>;
}

export interface UpdateTicketInput {
  subject?: string;
  priority?: TicketPriority;
  type?: TicketType;
  categoryId?: number | null;
  serviceId?: number | null;
  ownerId?: number | null;
  groupId?: number | null;
  customFields?: Record<string, CustomValue>;
}

export interface TransitionInput {
  to: TicketStatus;
  comment?: string;
  solution?: string;
}

export interface EscalateInput {
  /** Absent: the next support line. */
  groupId?: number;
  ownerId?: number;
  reason: string;
}

export interface VendorEscalationInput {
  vendorId: number;
  reference?: string;
  reason: string;
}

export interface PostMessageInput {
  body: string;
  kind?: 'reply' | 'note' | 'phone';
  attachmentIds?: number[];
}

export function listTickets(params: TicketListParams, signal?: AbortSignal): Promise<Page<Ticket>> {
  const { status, ...rest } = params;
  return apiRequest<Page<Ticket>>(`/tickets${toQueryString({ ...rest, status: status?.join(',') })}`, { signal });
}

export function fetchQueueCounts(): Promise<ItemList<QueueCount>> {
  return apiRequest<ItemList<QueueCount>>('/tickets/queues');
}

export function fetchTicket(id: number): Promise<Ticket> {
  return apiRequest<Ticket>(`/tickets/${id}`);
}

export function createTicket(input: CreateTicketInput): Promise<Ticket> {
  return apiRequest<Ticket>('/tickets', { method: 'POST', body: input });
}

export function updateTicket(id: number, input: UpdateTicketInput): Promise<Ticket> {
  return apiRequest<Ticket>(`/tickets/${id}`, { method: 'PATCH', body: input });
}

export function transitionTicket(id: number, input: TransitionInput): Promise<Ticket> {
  return apiRequest<Ticket>(`/tickets/${id}/transitions`, { method: 'POST', body: input });
}

export function fetchMessages(id: number): Promise<ItemList<TicketMessage>> {
  return apiRequest<ItemList<TicketMessage>>(`/tickets/${id}/messages`);
}

export function postMessage(id: number, input: PostMessageInput): Promise<TicketMessage> {
  return apiRequest<TicketMessage>(`/tickets/${id}/messages`, { method: 'POST', body: input });
}

export function fetchHistory(id: number): Promise<ItemList<HistoryEntry>> {
  return apiRequest<ItemList<HistoryEntry>>(`/tickets/${id}/history`);
}

export function escalateTicket(id: number, input: EscalateInput): Promise<Ticket> {
  return apiRequest<Ticket>(`/tickets/${id}/escalate`, { method: 'POST', body: input });
}

export function escalateToVendor(id: number, input: VendorEscalationInput): Promise<Ticket> {
  return apiRequest<Ticket>(`/tickets/${id}/escalate-vendor`, { method: 'POST', body: input });
}

export function fetchTicketMail(id: number): Promise<TicketMailStatus> {
  return apiRequest<TicketMailStatus>(`/tickets/${id}/mail`);
}

export function fetchTicketLinks(id: number): Promise<TicketLink[]> {
  return apiRequest<TicketLink[]>(`/tickets/${id}/links`);
}

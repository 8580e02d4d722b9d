import { API_BASE, apiRequest, toQueryString } from './client.ts';

// The e-mail channel (`admin.mail.manage`): accounts, the inbound log, the outgoing log (dev mailbox).

export const MAIL_ACCOUNT_KINDS = ['imap', 'inbound'] as const;
export type MailAccountKind = (typeof MAIL_ACCOUNT_KINDS)[number];

export const TLS_MODES = ['implicit', 'starttls', 'none'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const AFTER_IMPORT = ['mark_seen', 'move', 'delete'] as const;
export type AfterImport = (typeof AFTER_IMPORT)[number];

export interface MailAccountInput {
  name: string;
  kind: MailAccountKind;
  address: string | null;
  host: string | null;
  port: number | null;
  tls: TlsMode;
  allowSelfSigned: boolean;
  username: string | null;
  /** Omitted or null on update: the stored password stays. */
  password?: string | null;
  folder: string;
  afterImport: AfterImport;
  moveTo: string | null;
  groupId: number | null;
  categoryId: number | null;
  serviceId: number | null;
  active: boolean;
}

/** An account as admins see it: never the password, only whether one is stored. */
export interface MailAccount extends Omit<MailAccountInput, 'password'> {
  id: number;
  hasPassword: boolean;
  lastPolledAt: string | null;
  lastError: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  /** Messages in the folder, when the login worked. */
  messages?: number;
  error?: string;
}

export interface PollResult {
  accountId: number;
  fetched: number;
  acknowledged: number;
  failed: number;
  error: string | null;
}

export const RECEIPT_STATUSES = ['failed', 'ignored', 'processed', 'pending'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** One inbound mail as stored (the raw bytes only through the download link). */
export interface MailReceipt {
  id: number;
  accountId: number | null;
  /** imap, smtp or pipe. */
  source: string;
  sourceRef: string | null;
  messageId: string | null;
  size: number;
  status: ReceiptStatus | (string & {});
  outcome: string | null;
  error: string | null;
  attempts: number;
  fromAddress: string | null;
  subject: string | null;
  ticketId: number | null;
  receivedAt: string;
  processedAt: string | null;
  /** When the original was removed after the retention period (MAIL_RAW_RETENTION_DAYS); null while kept. */
  rawRemovedAt: string | null;
}

export interface ReceiptList {
  items: MailReceipt[];
  /** Receipts by status over the whole log. */
  counts: Record<string, number>;
}

export const OUTBOUND_STATUSES = ['queued', 'sent', 'failed', 'dev', 'suppressed', 'bounced'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

export interface OutboundMail {
  id: number;
  ticketId: number | null;
  template: string;
  to: string;
  cc: string[];
  subject: string;
  messageId: string;
  automatic: boolean;
  status: OutboundStatus | (string & {});
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboundMailDetail extends OutboundMail {
  inReplyTo: string | null;
  references: string[];
  html: string;
  text: string;
}

export interface MailLogParams {
  status?: string;
  /** Only entries older than this id (the last one of the previous page). */
  before?: number;
  limit?: number;
}

export const mailKeys = {
  all: ['mail'] as const,
  accounts: ['mail', 'accounts'] as const,
  receipts: (status: string) => ['mail', 'receipts', status] as const,
  outbound: (status: string) => ['mail', 'outbound', status] as const,
  outboundMail: (id: number) => ['mail', 'outbound', 'detail', id] as const,
  status: ['mail', 'status'] as const,
};

/** How this installation moves mail. */
export interface MailStatus {
  transport: 'smtp' | 'dev';
  from: string;
  smtpListenerPort: number | null;
  pollSeconds: number;
}

export function fetchMailStatus(): Promise<MailStatus> {
  return apiRequest<MailStatus>('/mail/status');
}

/** Queues a failed, suppressed or bounced mail to be sent again. */
export function resendOutboundMail(id: number): Promise<void> {
  return apiRequest<void>(`/mail/outbound/${id}/resend`, { method: 'POST' });
}

export function listMailAccounts(): Promise<MailAccount[]> {
  return apiRequest<MailAccount[]>('/mail/accounts');
}

export function createMailAccount(input: MailAccountInput): Promise<MailAccount> {
  return apiRequest<MailAccount>('/mail/accounts', { method: 'POST', body: input });
}

/** Replaces an account; a password left out (or null) keeps the stored one. */
export function updateMailAccount(id: number, input: MailAccountInput): Promise<MailAccount> {
  return apiRequest<MailAccount>(`/mail/accounts/${id}`, { method: 'PUT', body: input });
}

/** Deletes an account; the mail received through it stays in the log. */
export function deleteMailAccount(id: number): Promise<void> {
  return apiRequest<void>(`/mail/accounts/${id}`, { method: 'DELETE' });
}

/** Logs in to an IMAP account and opens its folder. */
export function testMailAccount(id: number): Promise<ConnectionTest> {
  return apiRequest<ConnectionTest>(`/mail/accounts/${id}/test`, { method: 'POST' });
}

/** Fetches new mail from an IMAP account right away. */
export function pollMailAccount(id: number): Promise<PollResult> {
  return apiRequest<PollResult>(`/mail/accounts/${id}/poll`, { method: 'POST' });
}

export function listMailReceipts(params: MailLogParams, signal?: AbortSignal): Promise<ReceiptList> {
  return apiRequest<ReceiptList>(`/mail/receipts${toQueryString({ ...params })}`, { signal });
}

/** Files a failed inbound mail again (in the background). */
export function retryMailReceipt(id: number): Promise<void> {
  return apiRequest<void>(`/mail/receipts/${id}/retry`, { method: 'POST' });
}

/** The address of the message exactly as received, for a download link. */
export function rawMailReceiptUrl(id: number): string {
  return `${API_BASE}/mail/receipts/${id}/raw`;
}

export function listOutboundMail(params: MailLogParams, signal?: AbortSignal): Promise<OutboundMail[]> {
  return apiRequest<OutboundMail[]>(`/mail/outbound${toQueryString({ ...params })}`, { signal });
}

export function fetchOutboundMail(id: number): Promise<OutboundMailDetail> {
  return apiRequest<OutboundMailDetail>(`/mail/outbound/${id}`);
}

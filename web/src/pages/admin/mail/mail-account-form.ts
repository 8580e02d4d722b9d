import type { AfterImport, MailAccount, MailAccountInput, MailAccountKind, TlsMode } from '../../../api/mail.ts';

/** Limits of the mail accounts API. */
export const MAIL_ACCOUNT_LIMITS = { name: 120, address: 254, host: 255, username: 255, password: 500, folder: 255 };

export interface MailAccountValues {
  name: string;
  kind: MailAccountKind;
  address: string;
  host: string;
  /** NumberInput gives '' while the field is empty. */
  port: number | string;
  tls: TlsMode;
  allowSelfSigned: boolean;
  username: string;
  /** Empty on edit = keep the stored password. */
  password: string;
  folder: string;
  afterImport: AfterImport;
  moveTo: string;
  groupId: string | null;
  categoryId: string | null;
  serviceId: string | null;
  active: boolean;
}

/** The usual IMAP port of a TLS mode: 993 for implicit TLS, 143 otherwise. */
export function defaultPort(tls: TlsMode): number {
  return tls === 'implicit' ? 993 : 143;
}

/**
 * The port after the TLS mode changes: a port that was the old mode's default follows the new
 * mode; one the admin typed stays.
 */
export function portForTls(port: number | string, from: TlsMode, to: TlsMode): number | string {
  return port === '' || port === defaultPort(from) ? defaultPort(to) : port;
}

const idValue = (id: number | null) => (id === null ? null : String(id));

/** The form's values for an account, or for a new, active IMAP mailbox. */
export function toMailAccountValues(account: MailAccount | null): MailAccountValues {
  const tls = account?.tls ?? 'implicit';
  return {
    name: account?.name ?? '',
    kind: account?.kind ?? 'imap',
    address: account?.address ?? '',
    host: account?.host ?? '',
    port: account?.port ?? defaultPort(tls),
    tls,
    allowSelfSigned: account?.allowSelfSigned ?? false,
    username: account?.username ?? '',
    password: '',
    folder: account?.folder ?? 'INBOX',
    afterImport: account?.afterImport ?? 'mark_seen',
    moveTo: account?.moveTo ?? '',
    groupId: idValue(account?.groupId ?? null),
    categoryId: idValue(account?.categoryId ?? null),
    serviceId: idValue(account?.serviceId ?? null),
    active: account?.active ?? true,
  };
}

const orNull = (text: string) => text.trim() || null;
const idOrNull = (value: string | null) => (value ? Number(value) : null);

/**
 * What the API gets. An inbound address has no server settings; a password left empty is
 * omitted so the stored one stays.
 */
export function toMailAccountInput(values: MailAccountValues): MailAccountInput {
  const imap = values.kind === 'imap';
  const input: MailAccountInput = {
    name: values.name.trim(),
    kind: values.kind,
    address: orNull(values.address)?.toLowerCase() ?? null,
    host: imap ? orNull(values.host) : null,
    port: imap && values.port !== '' ? Number(values.port) : null,
    tls: values.tls,
    allowSelfSigned: imap && values.allowSelfSigned,
    username: imap ? orNull(values.username) : null,
    folder: imap ? values.folder.trim() || 'INBOX' : 'INBOX',
    afterImport: imap ? values.afterImport : 'mark_seen',
    moveTo: imap && values.afterImport === 'move' ? orNull(values.moveTo) : null,
    groupId: idOrNull(values.groupId),
    categoryId: idOrNull(values.categoryId),
    serviceId: idOrNull(values.serviceId),
    active: values.active,
  };
  if (imap && values.password) input.password = values.password;
  return input;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Errors by field, as translation keys, checked as the server would before the form is sent. */
export function mailAccountProblems(values: MailAccountValues, hasStoredPassword: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'common.required';
  if (values.address.trim() && !EMAIL_RE.test(values.address.trim())) errors.address = 'mailAdmin.errors.address';
  if (values.kind === 'imap') {
    if (!values.host.trim()) errors.host = 'common.required';
    const port = Number(values.port);
    if (values.port === '' || !Number.isInteger(port) || port < 1 || port > 65535)
      errors.port = 'mailAdmin.errors.port';
    if (!values.username.trim()) errors.username = 'common.required';
    if (!values.password && !hasStoredPassword) errors.password = 'common.required';
    if (!values.folder.trim()) errors.folder = 'common.required';
    if (values.afterImport === 'move' && !values.moveTo.trim()) errors.moveTo = 'common.required';
  }
  return errors;
}

/** What the form needs of an API error: its status, code and the fields it names. */
export interface FieldError {
  status: number;
  code: string;
  fields: string[];
}

const SERVER_MESSAGES: Record<string, string> = {
  name: 'common.required',
  address: 'mailAdmin.errors.address',
  host: 'common.required',
  port: 'mailAdmin.errors.port',
  username: 'common.required',
  password: 'common.required',
  folder: 'common.required',
  moveTo: 'common.required',
  groupId: 'mailAdmin.errors.unknownGroup',
  categoryId: 'mailAdmin.errors.unknownCategory',
  serviceId: 'mailAdmin.errors.unknownService',
};

/**
 * The form fields a refused save names, with the translation key of the message to show on
 * each; empty when the error names none of them (the form then shows it above its fields).
 */
export function mailAccountServerErrors(error: FieldError): Record<string, string> {
  if (error.status === 409 && error.code === 'address_taken') return { address: 'mailAdmin.errors.addressTaken' };
  if (error.status !== 400) return {};
  return Object.fromEntries(
    error.fields.filter((field) => field in SERVER_MESSAGES).map((field) => [field, SERVER_MESSAGES[field]]),
  );
}

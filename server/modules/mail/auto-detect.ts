/**
 * Classifies mail written by machines: auto-replies (RFC 3834 and vendor headers, vacation
 * subjects), bounces (RFC 3464 DSNs and the common non-standard ones) and list traffic. The
 * ticket channel uses the verdict to avoid answering robots and to stop mail loops: our own
 * outbound mail carries `Auto-Submitted: auto-generated`, so a copy that comes back is caught by
 * the same first check.
 */
import type { AutomaticVerdict, ParsedMail } from './mail.model.ts';
import type { MailHeaders } from './mail-parse.headers.ts';

export type { MailHeaders } from './mail-parse.headers.ts';

/** What the classifier reads from the parsed message besides the headers. */
export type AutoDetectInput = Pick<ParsedMail, 'from' | 'subject' | 'text' | 'attachments'>;

function first(headers: MailHeaders, name: string): string | null {
  const values = headers.get(name);
  return values && values.length > 0 ? values[0] : null;
}

function verdict(kind: AutomaticVerdict['kind'], reason: string, failedRecipients: string[] = []): AutomaticVerdict {
  return { kind, reason, failedRecipients };
}

// Subjects of delivery failures from MTAs that send no proper DSN (or whose DSN we could not read).
const BOUNCE_SUBJECT =
  /^\s*(?:undeliver(?:ed|able)(?:\s+mail)?|undelivered mail returned to sender|delivery status notification \(failure\)|mail delivery (?:failed|failure|system)|delivery (?:failure|failed|has failed)|returned mail|failure notice|non[- ]?delivery|message not delivered|unzustellbar|nicht zustellbar|unzustellbare|недоставленное сообщение|не удалось доставить|mail could not be delivered|nondeliverable)/i;

// Sender mailboxes of MTAs.
const DAEMON_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mdaemon|maildelivery)(?:@|$)/i;

// Vacation and auto-reply subjects in the languages Frontdesk ships (en, de, uk, ru, ro, zh) and a few common others.
const AUTO_REPLY_SUBJECT =
  /^\s*(?:out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?(?:reply|response)|auto:|autoreply|abwesenheitsnotiz|automatische antwort|автоответ|автоматический ответ|автоматична відповідь|автовідповідь|răspuns automat|raspuns automat|自动回复|自動回覆|自動返信|réponse automatique|absence du bureau|respuesta automática|risposta automatica|fuori sede)/i;

/** Per-recipient `Action` and recipient address of every message/delivery-status part. */
function deliveryReports(input: Pick<AutoDetectInput, 'attachments'>): { action: string; recipient: string }[] {
  const reports: { action: string; recipient: string }[] = [];
  for (const attachment of input.attachments) {
    if (attachment.contentType !== 'message/delivery-status') continue;
    // Per-recipient blocks are separated by blank lines; the first block is per-message.
    const blocks = attachment.content
      .toString('utf8')
      .replace(/\r\n/g, '\n')
      .split(/\n\s*\n/);
    for (const block of blocks) {
      const fields = new Map<string, string>();
      for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
        const m = /^([\w-]+)\s*:\s*(.*)$/.exec(line);
        if (m) fields.set(m[1].toLowerCase(), m[2].trim());
      }
      const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
      if (recipient === undefined) continue;
      const address = recipient
        .replace(/^[^;]*;/, '')
        .trim()
        .replace(/^<|>$/g, '')
        .toLowerCase();
      reports.push({ action: (fields.get('action') ?? '').toLowerCase(), recipient: address });
    }
  }
  return reports;
}

/**
 * Recipients named in the text of a bounce without a DSN part: Postfix and qmail start a line
 * with `<address>:`; Exim lists them indented after "following address(es) failed:".
 */
function recipientsInText(text: string): string[] {
  const found = [...text.matchAll(/^[ \t]*<([^<>\s@]+@[^<>\s]+)>:/gm)].map((m) => m[1]);
  const exim = text.search(/following address(?:\(es\)|es)? failed:/i);
  if (exim >= 0) {
    const lines = text.slice(exim).split('\n').slice(1, 50);
    for (const line of lines) {
      if (line.trim() !== '' && !/^[ \t]/.test(line)) break;
      const m = /^[ \t]+<?([^<>\s@]+@[^<>\s]+?)>?\s*$/.exec(line);
      if (m) found.push(m[1]);
    }
  }
  return found.map((a) => a.toLowerCase());
}

/**
 * Recipients whose delivery failed, read from the message/delivery-status parts
 * (`Final-Recipient` / `Original-Recipient` with `Action: failed`) and X-Failed-Recipients,
 * or else from the text of the bounce.
 */
export function failedRecipientsOf(
  headers: MailHeaders,
  input: Pick<AutoDetectInput, 'attachments' | 'text'>,
): string[] {
  const found = deliveryReports(input)
    .filter((r) => r.action.startsWith('failed') && r.recipient.includes('@'))
    .map((r) => r.recipient);
  for (const value of headers.get('x-failed-recipients') ?? []) {
    for (const address of value.split(/[,;\s]+/)) {
      const clean = address.replace(/^<|>$/g, '').toLowerCase();
      if (clean.includes('@')) found.push(clean);
    }
  }
  if (found.length === 0) found.push(...recipientsInText(input.text));
  return [...new Set(found)];
}

/**
 * Decides whether a message was sent by a machine and what kind. Checks run from the most to
 * the least explicit signal; the first that matches decides and is named in `reason`.
 */
export function detectAutomatic(headers: MailHeaders, input: AutoDetectInput): AutomaticVerdict {
  const contentType = (first(headers, 'content-type') ?? '').toLowerCase();
  const fromAddress = input.from?.address ?? '';
  const subject = input.subject;

  // Bounces first: a DSN often also carries Auto-Submitted, but "bounce" is the more useful verdict.
  const isReport =
    /^\s*multipart\/report\b/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType);
  const hasStatusPart = input.attachments.some((a) => a.contentType === 'message/delivery-status');
  if (isReport || hasStatusPart) {
    const reason = 'multipart/report; report-type=delivery-status';
    const reports = deliveryReports(input);
    // A DSN that only reports delays or successes is not a bounce, but still a machine's mail.
    if (
      reports.length > 0 &&
      !reports.some((r) => r.action.startsWith('failed')) &&
      !headers.has('x-failed-recipients')
    ) {
      return verdict('auto_reply', `${reason} (Action: ${reports[0].action || 'none'})`);
    }
    const failed = failedRecipientsOf(headers, input);
    if (failed.length > 0 || BOUNCE_SUBJECT.test(subject)) return verdict('bounce', reason, failed);
    return verdict('auto_reply', reason);
  }
  // Other machine reports: read receipts (disposition-notification), feedback loops …
  const otherReport = /^\s*multipart\/report\b.*report-type\s*=\s*"?([\w-]+)/.exec(contentType);
  if (otherReport) return verdict('auto_reply', `multipart/report; report-type=${otherReport[1]}`);
  if (headers.has('x-failed-recipients')) {
    return verdict('bounce', 'X-Failed-Recipients', failedRecipientsOf(headers, input));
  }
  if ((DAEMON_SENDER.test(fromAddress) || !fromAddress) && BOUNCE_SUBJECT.test(subject)) {
    return verdict(
      'bounce',
      `From: ${fromAddress || '(none)'} with subject "${subject.trim()}"`,
      failedRecipientsOf(headers, input),
    );
  }

  const autoSubmitted = first(headers, 'auto-submitted');
  if (autoSubmitted !== null) {
    const value = autoSubmitted.split(/[;(]/)[0].trim().toLowerCase();
    if (value !== '' && value !== 'no') return verdict('auto_reply', `Auto-Submitted: ${value}`);
  }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autogenerated', 'x-auto-reply']) {
    const value = first(headers, name);
    if (value !== null && !/^\s*(?:no|false|0)\s*$/i.test(value))
      return verdict('auto_reply', `${canonical(name)}: ${value.trim()}`);
  }
  const suppress = first(headers, 'x-auto-response-suppress');
  if (suppress !== null && /\b(?:all|oof|autoreply)\b/i.test(suppress)) {
    return verdict('auto_reply', `X-Auto-Response-Suppress: ${suppress.trim()}`);
  }

  // List headers decide "list"; Precedence alone does not (anyone can set it), but bulk, junk
  // and list all mean a robot sent it, so they count as automatic.
  if (headers.has('list-id')) return verdict('list', 'List-Id');
  if (headers.has('list-unsubscribe')) return verdict('list', 'List-Unsubscribe');
  const precedence = (first(headers, 'precedence') ?? '').trim().toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return verdict('auto_reply', `Precedence: ${precedence}`);
  }

  if (AUTO_REPLY_SUBJECT.test(subject)) return verdict('auto_reply', `Subject: ${subject.trim()}`);
  if (DAEMON_SENDER.test(fromAddress)) return verdict('auto_reply', `From: ${fromAddress}`);
  return { kind: 'none', reason: null, failedRecipients: [] };
}

function canonical(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

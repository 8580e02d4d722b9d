import { htmlToText, sanitizeBody, textToHtml } from '../../platform/html.ts';
import type { MailAddress, ParsedAttachment, ParsedMail } from './mail.model.ts';
import { splitReplyHtml, splitReplyText } from './reply-text.ts';

/** Longest body we keep in a ticket message; the whole mail stays in its receipt. */
const MAX_BODY_CHARS = 200_000;
const MAX_SUBJECT_CHARS = 250;
const MAX_CC = 20;

/** What a mail contributes to a ticket, in the shape the ticket services take. */
export interface MailContent {
  subject: string;
  /** Sanitized HTML of the new text. */
  bodyHtml: string;
  /** Sanitized HTML of what was cut (quoted history, signature), or null. */
  quotedHtml: string | null;
  /** Plain text of the new part (confirmation check). */
  visibleText: string;
  attachments: ParsedAttachment[];
}

/** Our ticket tag in a subject: `[#10042]`. */
export const TICKET_TAG = /\[#(\d{1,12})\]/;

/** The ticket number tagged in a subject, or null. */
export function ticketNumberFromSubject(subject: string): number | null {
  const match = TICKET_TAG.exec(subject);
  return match ? Number(match[1]) : null;
}

function hasContent(html: string): boolean {
  return html.includes('<img') || /[^\s]/.test(html.replace(/<[^>]*>|&nbsp;/g, ''));
}

function clip(html: string): string {
  return html.length > MAX_BODY_CHARS ? sanitizeBody(html.slice(0, MAX_BODY_CHARS)) : html;
}

/** A subject for a new ticket: the mail's, without our tag, or the start of the text. */
function subjectFor(parsed: ParsedMail, text: string): string {
  const subject = parsed.subject.replace(TICKET_TAG, '').replace(/\s+/g, ' ').trim();
  const fallback = text.replace(/\s+/g, ' ').trim().slice(0, 80);
  return (subject || fallback || '—').slice(0, MAX_SUBJECT_CHARS);
}

/**
 * The ticket content of a mail. Replies to an existing ticket are split into the new text and
 * the quoted history; the first mail of a ticket is kept whole (a forwarded problem is the
 * problem). Nothing is dropped: what is cut is returned as `quotedHtml`.
 */
export function mailContent(parsed: ParsedMail, options: { split: boolean }): MailContent {
  let bodyHtml: string;
  let quotedHtml: string | null = null;
  // The parser's html is sanitized and its text derived already; only a split makes new HTML.
  let visibleText: string | null = options.split ? null : parsed.text;
  if (parsed.html !== null) {
    if (options.split) {
      const split = splitReplyHtml(parsed.html);
      bodyHtml = sanitizeBody(split.visibleHtml);
      quotedHtml = split.quotedHtml.trim() ? sanitizeBody(split.quotedHtml) : null;
      if (!hasContent(bodyHtml)) [bodyHtml, quotedHtml, visibleText] = [parsed.html, null, parsed.text];
    } else bodyHtml = parsed.html;
  } else {
    const text = parsed.text.replace(/\r\n/g, '\n');
    if (options.split) {
      const split = splitReplyText(text);
      bodyHtml = textToHtml(split.visible.trim() ? split.visible : text);
      quotedHtml = split.visible.trim() && split.quoted.trim() ? textToHtml(split.quoted) : null;
    } else bodyHtml = textToHtml(text);
  }
  if (!hasContent(bodyHtml)) [bodyHtml, visibleText] = ['<p>—</p>', '—'];
  const text = visibleText ?? htmlToText(bodyHtml);
  return {
    subject: subjectFor(parsed, text),
    bodyHtml: clip(bodyHtml),
    quotedHtml: quotedHtml === null ? null : clip(quotedHtml),
    visibleText: text.trim(),
    attachments: parsed.attachments,
  };
}

/** Addresses copied on the mail that are neither ours nor the sender: the ticket's CC list. */
export function ccCandidates(parsed: ParsedMail, ours: ReadonlySet<string>): string[] {
  const sender = parsed.from?.address;
  const all = [...parsed.to, ...parsed.cc].map((a: MailAddress) => a.address.toLowerCase());
  return [...new Set(all)].filter((a) => a !== sender && !ours.has(a) && a.includes('@')).slice(0, MAX_CC);
}

/** Replaces `cid:` references with links to the stored attachments. */
export function linkInlineImages(html: string, byContentId: ReadonlyMap<string, number>): string {
  if (byContentId.size === 0) return html;
  return html.replace(/(["'])cid:([^"']+)\1/gi, (whole, quote: string, cid: string) => {
    const id = byContentId.get(cid.trim().replace(/^<|>$/g, '').toLowerCase());
    return id === undefined ? whole : `${quote}/api/v1/attachments/${id}${quote}`;
  });
}

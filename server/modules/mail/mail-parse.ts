/**
 * Inbound e-mail parsing: raw RFC 5322 bytes to Frontdesk's {@link ParsedMail}. mailparser
 * splits the MIME structure and decodes transfer encodings (mail-parse.mime.ts); charsets go
 * through our own decoder (mail-parse.charset.ts), headers through our own decoding
 * (mail-parse.headers.ts, mail-parse.address.ts), HTML through the shared sanitizer. Parsing never
 * throws: input mailparser cannot read gets a minimal parse.
 */
import { detectAutomatic } from './auto-detect.ts';
import type { MailAddress, ParsedAttachment, ParsedMail } from './mail.model.ts';
import { parseAddressList } from './mail-parse.address.ts';
import { decodeBytes } from './mail-parse.charset.ts';
import {
  collectHeaders,
  decodeWords,
  firstHeader,
  type MailHeaders,
  parseDate,
  parseMessageIds,
  splitRawHeaders,
} from './mail-parse.headers.ts';
import { readHtmlBody } from './mail-parse.html.ts';
import { type MimeAttachment, type MimeResult, parseMime } from './mail-parse.mime.ts';

/** A parse that has not settled by then is abandoned for the fallback (a stuck stream, not slow CPU). */
const PARSE_TIMEOUT_MS = 30_000;

const EXTENSIONS: Record<string, string> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'text/csv': 'csv',
  'message/rfc822': 'eml',
  'message/delivery-status': 'txt',
  'message/disposition-notification': 'txt',
  'text/rfc822-headers': 'txt',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/pkcs7-signature': 'p7s',
  'application/x-pkcs7-signature': 'p7s',
  'application/pkcs7-mime': 'p7m',
  'application/x-pkcs7-mime': 'p7m',
  'application/ms-tnef': 'dat',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** A name for a part that has none: `image-2.png`, `message-1.eml`, `file-3.bin`. */
function generatedName(contentType: string, index: number): string {
  const [type, subtype = ''] = contentType.split('/');
  const ext = EXTENSIONS[contentType] ?? (type === 'image' && /^[a-z0-9]+$/.test(subtype) ? subtype : 'bin');
  const base = type === 'image' ? 'image' : type === 'message' ? 'message' : 'file';
  return `${base}-${index + 1}.${ext}`;
}

/** A file name fit to store: decoded, without directories or control characters, bounded in length. */
function cleanFilename(name: string): string {
  const decoded = decodeWords(name);
  const base = decoded.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const clean = base.replace(/[\x00-\x1f\x7f]/g, '').trim();
  return clean === '.' || clean === '..' ? '' : clean.slice(0, 255);
}

/** Strips characters PostgreSQL text cannot hold (NUL) from every string we return. */
function noNul(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}

/**
 * Every string of a parse without NUL, wherever it came from (Message-IDs, content types, bounce
 * recipients …): one stray byte must not make a mail unfileable on PostgreSQL.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return noNul(value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withoutNul(item);
  return copy as T;
}

function cleanAddress(a: MailAddress): MailAddress {
  return { address: noNul(a.address), name: noNul(a.name) };
}

function toAttachment(a: MimeAttachment, index: number, html: string | null): ParsedAttachment {
  const cid = a.cid ? noNul(a.cid) || null : null;
  const referenced = cid !== null && html?.includes(`cid:${cid}`) === true;
  // Inline: the HTML shows it, or the sender marked it inline (or put it in multipart/related).
  const inline =
    cid !== null && (referenced || (a.disposition !== 'attachment' && (a.disposition === 'inline' || a.related)));
  return {
    filename: cleanFilename(a.filename ?? '') || generatedName(a.contentType, index),
    contentType: a.contentType,
    contentId: cid,
    inline,
    content: a.content,
  };
}

/** The charset of a Content-Type value, for 8-bit header bytes that are not UTF-8. */
function charsetOf(contentType: string): string | null {
  return /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? null;
}

/**
 * The first From mailbox that has an address (a message may carry several From fields, the first
 * unusable); without one, Reply-To and then Sender stand in, as the address to answer.
 */
function senderOf(headers: MailHeaders): MailAddress | null {
  for (const name of ['from', 'reply-to', 'sender']) {
    for (const value of headers.get(name) ?? []) {
      const box = parseAddressList(value, name === 'from')[0];
      if (box) return cleanAddress(box);
    }
  }
  return null;
}

/**
 * The charsets the message's Content-Type fields declare, in order: raw 8-bit header text (no
 * encoded words) is almost always in the charset the sender's client used for the body.
 */
function declaredCharsets(raw: Buffer): string[] {
  const head = raw.subarray(0, 256 * 1024).toString('latin1');
  const found = new Set<string>();
  for (const field of head.matchAll(/^content-type:[^\n]*(?:\n[ \t][^\n]*)*/gim)) {
    const m = /charset\s*=\s*"?([^";\s]+)/i.exec(field[0]);
    if (m && found.size < 10) found.add(m[1].toLowerCase());
  }
  return [...found];
}

type Envelope = Omit<ParsedMail, 'text' | 'html' | 'attachments' | 'automatic'>;

function readEnvelope(headers: MailHeaders): Envelope {
  const all = (name: string) => (headers.get(name) ?? []).join(', ');
  return {
    messageId: parseMessageIds(firstHeader(headers, 'message-id'))[0] ?? null,
    inReplyTo: parseMessageIds((headers.get('in-reply-to') ?? []).join(' ')),
    references: parseMessageIds((headers.get('references') ?? []).join(' ')),
    from: senderOf(headers),
    replyTo: parseAddressList(firstHeader(headers, 'reply-to')).map(cleanAddress),
    to: parseAddressList(all('to')).map(cleanAddress),
    cc: parseAddressList(all('cc')).map(cleanAddress),
    subject: noNul(decodeWords(firstHeader(headers, 'subject')).replace(/\r?\n/g, '')),
    date: parseDate(firstHeader(headers, 'date')),
  };
}

function fromMime(mime: MimeResult, raw: Buffer): ParsedMail {
  const headers = collectHeaders(mime.headerLines, declaredCharsets(raw));
  const envelope = readEnvelope(headers);
  const plain = noNul(mime.text.replace(/\r\n?/g, '\n'));
  // No text part (or an empty one): the text comes from the HTML.
  const body = readHtmlBody(mime.html, !plain.trim());
  const html = body.html;
  const text = plain.trim() ? plain : body.text;
  const attachments = mime.attachments.map((a, i) => toAttachment(a, i, html));
  const automatic = detectAutomatic(headers, { from: envelope.from, subject: envelope.subject, text, attachments });
  return { ...envelope, text, html, attachments, automatic };
}

/**
 * What can be read without a MIME library: the header block and the rest as text in the
 * declared (or guessed) charset. Used when mailparser rejects the input.
 */
function fallbackParse(raw: Buffer): ParsedMail {
  const { lines, body } = splitRawHeaders(raw);
  const headers = collectHeaders(lines, declaredCharsets(raw));
  const envelope = readEnvelope(headers);
  const text = noNul(decodeBytes(body, charsetOf(firstHeader(headers, 'content-type'))).replace(/\r\n?/g, '\n'));
  const automatic = detectAutomatic(headers, { from: envelope.from, subject: envelope.subject, text, attachments: [] });
  return { ...envelope, text, html: null, attachments: [], automatic };
}

async function parseWithTimeout(raw: Buffer): Promise<MimeResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('mail parse timed out')), PARSE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([parseMime(raw), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Parses a raw RFC 5322 message into a {@link ParsedMail}: decoded headers (RFC 2047, any
 * charset), lower-cased addresses, sanitized HTML with `cid:` image references kept, plain text
 * (from the text part, or derived from the HTML), attachments with names and Content-IDs, and the
 * automatic-mail verdict. Never throws: unreadable input yields a minimal parse.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const input = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw ?? ''));
  try {
    return withoutNul(fromMime(await parseWithTimeout(input), input));
  } catch {
    try {
      return withoutNul(fallbackParse(input));
    } catch {
      return {
        messageId: null,
        inReplyTo: [],
        references: [],
        from: null,
        replyTo: [],
        to: [],
        cc: [],
        subject: '',
        date: null,
        text: '',
        html: null,
        attachments: [],
        automatic: { kind: 'none', reason: null, failedRecipients: [] },
      };
    }
  }
}

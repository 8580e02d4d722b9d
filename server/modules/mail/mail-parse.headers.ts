/**
 * Header decoding for inbound mail: raw header fields, RFC 2047 encoded words,
 * message ids and dates. Done here rather than taken from mailparser so that every charset of
 * mail-parse.charset.ts applies to headers too (addresses: mail-parse.address.ts).
 */
import { decodeBytes, decodeGuess, decodeStrict } from './mail-parse.charset.ts';

/** Header fields by lower-cased name, in message order; values unfolded and decoded to text. */
export type MailHeaders = ReadonlyMap<string, readonly string[]>;

/** One raw header field as mailparser reports it: the name and the whole folded line, as latin1 text. */
export interface RawHeaderLine {
  key: string;
  line: string;
}

// Multi-byte charsets: a declared one that decodes raw header bytes without error is taken.
const MULTI_BYTE = /^(?:gb|big5|shift|sjis|euc|iso-2022|ks_c|cp9[345]|ms9|windows-9)/i;

/**
 * Decodes raw 8-bit header text (a latin1 string; RFC 5322 wants encoded words, senders do not
 * always comply): UTF-8 when valid; else the first multi-byte charset the message declares that
 * fits; else the first declared charset; else windows-1252.
 */
function decodeRawHeader(binary: string, charsets: readonly string[]): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for 8-bit bytes
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  const bytes = Buffer.from(binary, 'latin1');
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return utf8;
  for (const charset of charsets) {
    const text = MULTI_BYTE.test(charset) ? decodeStrict(bytes, charset) : null;
    if (text !== null) return text;
  }
  return charsets.length > 0 ? decodeBytes(bytes, charsets[0]) : decodeGuess(bytes);
}

/**
 * Builds the header map from raw lines; values are unfolded but not yet RFC 2047-decoded.
 * `charsets` are those the message declares, for header bytes outside ASCII.
 */
export function collectHeaders(lines: readonly RawHeaderLine[], charsets: readonly string[] = []): MailHeaders {
  const headers = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    const name = (key || line.slice(0, Math.max(colon, 0))).trim().toLowerCase();
    if (!name) continue;
    const value = decodeRawHeader(line.slice(colon + 1), charsets)
      .replace(/\r?\n(?=[ \t])/g, '')
      .trim();
    const list = headers.get(name);
    if (list) list.push(value);
    else headers.set(name, [value]);
  }
  return headers;
}

/** First value of a header field, or '' when absent. */
export function firstHeader(headers: MailHeaders, name: string): string {
  return headers.get(name)?.[0] ?? '';
}

// Lenient: '?' and spaces may occur in the text (seen in real mail); lengths are bounded so a
// header full of unterminated "=?" stays linear.
const ENCODED_WORD = /=\?([^?\s]{1,64}?)(?:\*[^?\s]{0,32})?\?([bBqQ])\?(.{0,1000}?)\?=/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  const bytes: number[] = [];
  const src = Buffer.from(text.replace(/_/g, ' '), 'latin1');
  for (let i = 0; i < src.length; i++) {
    const hex = src[i] === 0x3d ? src.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(src[i]);
  }
  return Buffer.from(bytes);
}

/**
 * Decodes RFC 2047 encoded words. Adjacent words (only whitespace between) in the same charset
 * are joined at byte level first, because senders split multi-byte characters across words.
 * Lenient like mail clients: '?' inside the encoded text and unknown charsets are tolerated.
 */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (pending) out += decodeBytes(Buffer.concat(pending.bytes), pending.charset);
    pending = null;
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const gap = value.slice(last, m.index);
    const charset = m[1].toLowerCase();
    const bytes = wordBytes(m[2], m[3]);
    if (pending !== null && /^\s*$/.test(gap)) {
      const open: { charset: string; bytes: Buffer[] } = pending;
      if (open.charset === charset) open.bytes.push(bytes);
      else {
        flush();
        pending = { charset, bytes: [bytes] };
      }
    } else {
      flush();
      out += gap;
      pending = { charset, bytes: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** Message ids from a Message-ID / In-Reply-To / References value, without angle brackets, in order, de-duplicated. */
export function parseMessageIds(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  const ids = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/).map((id) => id.replace(/^<|>$/g, ''));
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id.length > 0 && id.length <= 998))];
}

// The date-time of RFC 5322 (day-of-week optional) up to its zone, to cut off what is glued after
// it (`… +0200Received: from …`).
const DATE_PREFIX =
  /^\s*(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T|Z))?/;

/** The Date header as an ISO instant, or null when it is missing or cannot be read. */
export function parseDate(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  for (const candidate of [text, DATE_PREFIX.exec(text)?.[0] ?? '']) {
    if (!candidate) continue;
    const time = Date.parse(candidate.replace(/\s*\([^)]*\)\s*$/, ''));
    if (Number.isFinite(time)) {
      const year = new Date(time).getUTCFullYear();
      if (year >= 1970 && year <= 9999) return new Date(time).toISOString();
    }
  }
  return null;
}

/**
 * Splits the header block off a raw message without any MIME library: for the fallback parse of
 * input mailparser could not read. Stops at the first empty line or the first line that is
 * neither a field nor a continuation.
 */
export function splitRawHeaders(raw: Buffer): { lines: RawHeaderLine[]; body: Buffer } {
  const text = raw.toString('latin1');
  const lines: RawHeaderLine[] = [];
  let pos = 0;
  // An mbox "From " separator line is not a header.
  if (text.startsWith('From ')) pos = text.indexOf('\n') + 1 || text.length;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (line === '') {
      pos = end + 1;
      break;
    }
    if (/^[ \t]/.test(line) && lines.length > 0) {
      lines[lines.length - 1].line += `\r\n${line}`;
    } else {
      const m = /^([!-9;-~]+)[ \t]*:/.exec(line);
      if (!m) break;
      lines.push({ key: m[1].toLowerCase(), line });
    }
    pos = end + 1;
  }
  return { lines, body: raw.subarray(Math.min(pos, raw.length)) };
}

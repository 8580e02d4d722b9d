/**
 * mailparser's MailParser, run the way its simpleParser runs it, with two corrections made where
 * it builds each MIME node (createNode, an internal hook; without it the stock behaviour stays):
 *
 * - every text part is decoded by our charset decoder (mail-parse.charset.ts): mailparser itself
 *   reads declared or assumed UTF-8/ASCII as UTF-8 (stray 8-bit bytes become U+FFFD) and refuses
 *   UTF-7 (left undecoded), so those parts get private charset names our decoder knows;
 * - text parts after the root (first) part of a multipart/related are resources of the root
 *   document (RFC 2387), i.e. attachments, not more body text to append.
 */
import { MailParser, type MailParserOptions } from 'mailparser';
import { CharsetDecodeStream, GUESS_ALIAS, UTF7_ALIAS } from './mail-parse.charset.ts';

/** What we read from a finished parse. */
export interface MimeResult {
  headerLines: { key: string; line: string }[];
  text: string;
  html: string | null;
  attachments: MimeAttachment[];
}

export interface MimeAttachment {
  contentType: string;
  filename: string | null;
  disposition: string | null;
  cid: string | null;
  related: boolean;
  content: Buffer;
}

/** The parts of mailparser's internal node we read and adjust. */
interface ParserNode {
  // Damaged headers can leave these as other values than strings; read them through `text`.
  contentType?: unknown;
  charset?: unknown;
  disposition?: string;
  isAttachment?: boolean;
  parent?: ParserNode;
  children?: ParserNode[];
}

const TEXT_TYPES = new Set(['text/plain', 'text/html']);
const UTF7 = /^(?:(?:cs)?unicode-?1-?1-?)?utf-?7$/i;
const MAILPARSER_DECODES_ITSELF = /^(?:(?:us-?)?ascii|utf-?8)$/i;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function adjust(node: ParserNode): void {
  const type = text(node.contentType).toLowerCase();
  if (!TEXT_TYPES.has(type)) return;
  const charset = text(node.charset).trim();
  if (UTF7.test(charset)) node.charset = UTF7_ALIAS;
  else if (!charset || MAILPARSER_DECODES_ITSELF.test(charset)) node.charset = GUESS_ALIAS;
  // Only once the root (a text or multipart part before it) is there, so a misordered related
  // part never loses its body.
  const parent = node.parent;
  const siblings = parent?.children ?? [];
  const before = siblings.slice(0, siblings.indexOf(node));
  const hasRoot = before.some((p) => /^(?:text|multipart)\//i.test(text(p.contentType)));
  if (parent && text(parent.contentType).toLowerCase() === 'multipart/related' && hasRoot) {
    node.isAttachment = true;
    node.disposition = 'attachment';
  }
}

type CreateNode = (this: unknown, data: unknown) => unknown;
const baseCreateNode = (MailParser.prototype as unknown as { createNode?: CreateNode }).createNode;

class FrontdeskMailParser extends MailParser {
  createNode(data: unknown): unknown {
    const node = (baseCreateNode as CreateNode).call(this, data);
    // Our adjustment must never break parsing: mailparser runs this outside any promise chain,
    // so a throw here would be an uncaught exception, not a parse failure.
    try {
      if (node && typeof node === 'object') adjust(node as ParserNode);
    } catch {
      // keep mailparser's own reading of this part
    }
    return node;
  }
}

const OPTIONS: MailParserOptions = {
  // cid: references stay as they are (simpleParser would inline them as data: URLs).
  skipImageLinks: true,
  // Text for HTML-only mail comes from our htmlToText, applied to the sanitized HTML.
  skipHtmlToText: true,
  skipTextLinks: true,
  // Nothing reads mailparser's textAsHtml (plain text becomes HTML in intake-content.ts).
  skipTextToHtml: true,
  // DSN parts stay attachments: bounce detection reads the failed recipients from them.
  keepDeliveryStatus: true,
  // Typed as iconv-lite's stream; any `new (from, to)` duplex stream producing UTF-8 is accepted.
  Iconv: CharsetDecodeStream as unknown as MailParserOptions['Iconv'],
};

interface StreamAttachment {
  type: 'attachment';
  content: NodeJS.ReadableStream;
  contentType?: string;
  filename?: string;
  contentDisposition?: string;
  cid?: string;
  related?: boolean;
  headers?: Map<string, unknown>;
  release: () => void;
}

interface TextData {
  type: 'text';
  text?: string;
  html?: string | boolean;
}

/** mailparser passes x-uuencode through untouched. */
function uuencoded(data: StreamAttachment): boolean {
  const encoding = String(data.headers?.get('content-transfer-encoding') ?? '')
    .toLowerCase()
    .trim();
  return /^(?:x-)?uu(?:e|encode)$/.test(encoding);
}

/** Parses raw MIME; rejects on a parser error (the caller falls back). */
export function parseMime(raw: Buffer): Promise<MimeResult> {
  return new Promise((resolve, reject) => {
    const parser = baseCreateNode ? new FrontdeskMailParser(OPTIONS) : new MailParser(OPTIONS);
    const result: MimeResult = { headerLines: [], text: '', html: null, attachments: [] };
    let settled = false;
    const fail = (error: unknown) => {
      if (!settled) reject(error);
      settled = true;
    };
    parser.on('error', fail);
    parser.on('headerLines', (lines: MimeResult['headerLines']) => {
      result.headerLines = [...lines];
    });
    let reading = false;
    const read = () => {
      reading = true;
      const data = parser.read() as StreamAttachment | TextData | null;
      if (data === null) {
        reading = false;
        return;
      }
      if (data.type === 'text') {
        result.text = data.text ?? '';
        result.html = typeof data.html === 'string' ? data.html : null;
        read();
        return;
      }
      const chunks: Buffer[] = [];
      data.content.on('data', (chunk: Buffer) => chunks.push(chunk));
      data.content.on('end', () => {
        result.attachments.push({
          // Damaged headers can leave any of these a non-string; this callback must never throw.
          contentType:
            typeof data.contentType === 'string' ? data.contentType.toLowerCase() : 'application/octet-stream',
          filename: typeof data.filename === 'string' ? data.filename : null,
          disposition: typeof data.contentDisposition === 'string' ? data.contentDisposition.toLowerCase() : null,
          cid: typeof data.cid === 'string' ? data.cid.trim() || null : null,
          related: data.related === true,
          content: uuencoded(data) ? decodeUuencode(Buffer.concat(chunks).toString('latin1')) : Buffer.concat(chunks),
        });
        data.release();
        read();
      });
    };
    parser.on('readable', () => {
      if (!reading) read();
    });
    parser.on('end', () => {
      if (!settled) resolve(result);
      settled = true;
    });
    parser.end(raw);
  });
}

/**
 * Decodes uuencoded data (Content-Transfer-Encoding: x-uuencode, which mailparser passes through
 * untouched). `begin`/`end` lines are skipped; each line starts with its decoded length.
 */
function decodeUuencode(encoded: string): Buffer {
  const lines: Buffer[] = [];
  for (const line of encoded.split(/\r?\n/)) {
    if (!line || /^(?:begin\s|end\s*$)/.test(line)) continue;
    const length = (line.charCodeAt(0) - 32) & 63;
    const bytes = Buffer.alloc(Math.ceil(length / 3) * 3);
    const sextet = (k: number) => (k < line.length ? (line.charCodeAt(k) - 32) & 63 : 0);
    for (let i = 1, o = 0; o < length; i += 4, o += 3) {
      const [a, b, c, d] = [sextet(i), sextet(i + 1), sextet(i + 2), sextet(i + 3)];
      bytes[o] = (a << 2) | (b >> 4);
      bytes[o + 1] = ((b << 4) | (c >> 2)) & 0xff;
      bytes[o + 2] = ((c << 6) | d) & 0xff;
    }
    lines.push(bytes.subarray(0, length));
  }
  return Buffer.concat(lines);
}

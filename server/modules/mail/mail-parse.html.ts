/**
 * The HTML body of inbound mail: sanitized with the shared allow-list, its <head> (title, styles)
 * dropped, and guarded against markup nested so deep that sanitizing it would take seconds
 * (htmlparser2 is quadratic in nesting depth): such a body is kept as text only.
 */
import { htmlToText, sanitizeBody } from '../../platform/html.ts';
import { VOID_TAGS } from './reply-text.html-parse.ts';

/** Deeper than any real mail (browsers flatten beyond 512); 200k nested tags took seconds. */
const MAX_NESTING = 1000;

// Closed implicitly by the next sibling, so an unclosed run of them does not nest.
const IMPLIED_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rt',
  'rp',
]);

/** Whether open elements pile up deeper than `max` (an approximation; one linear pass). */
function nestedDeeperThan(html: string, max: number): boolean {
  let depth = 0;
  // [^<>]* keeps an unterminated tag from scanning ahead: the pass stays linear.
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (VOID_TAGS.has(name) || IMPLIED_END.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) return true;
  }
  return false;
}

/** Removes the document <head>; indexOf rather than one regex, so unclosed <head>s stay linear. */
function withoutHead(html: string): string {
  const start = html.search(/<head[\s>]/i);
  const end = start < 0 ? -1 : html.toLowerCase().indexOf('</head', start);
  if (end < 0) return html;
  const close = html.indexOf('>', end);
  return html.slice(0, start) + (close < 0 ? '' : html.slice(close + 1));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function stripTags(html: string): string {
  return html
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e])
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * Sanitized HTML (null when there is none or nothing survives) and, when `needText`, its plain
 * text (htmlToText); '' otherwise.
 */
export function readHtmlBody(raw: string | null, needText: boolean): { html: string | null; text: string } {
  if (raw === null || !raw.trim()) return { html: null, text: '' };
  if (nestedDeeperThan(raw, MAX_NESTING)) return { html: null, text: needText ? stripTags(raw) : '' };
  const html = sanitizeBody(withoutHead(raw)).replaceAll('\u0000', '').trim() || null;
  return { html, text: needText && html !== null ? htmlToText(html) : '' };
}

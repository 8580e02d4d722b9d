/**
 * Reply splitting for HTML bodies. Mail clients mark their quotes with elements (Gmail's
 * gmail_quote, Thunderbird's moz-cite-prefix, Apple's blockquote type="cite", Outlook's
 * divRplyFwdMsg or border-top "From:" block, Yahoo's yahoo_quoted …); those become quoted ranges or
 * cut points, and the text rendering goes through the plain-text scanner for everything else
 * ("On … wrote:" before a plain blockquote, "From:/Sent:" blocks, "-- " signatures).
 */
import {
  decodeEntities,
  type HtmlElement,
  htmlLines,
  type ParsedHtml,
  parseHtml,
  rebalanceHtml,
  VOID_TAGS,
} from './reply-text.html-parse.ts';
import { chooseReplyRange, dropValediction, scanLines } from './reply-text.lines.ts';
import { isForwardMarker, isFromLabel } from './reply-text.patterns.ts';

type Range = [start: number, end: number];

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attr(attrs: string, name: string): string {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m === null ? '' : (m[1] ?? m[2] ?? m[3]);
}

/** First non-empty line of an element's text, for "does this block start with From:?" checks. */
function leadingText(html: string, el: HtmlElement): string {
  const text = html
    .slice(el.start, Math.min(el.end, el.start + 3000))
    .replace(/<(?:br|\/?(?:div|p|blockquote|tr|li))\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return (
    decodeEntities(text)
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

const QUOTE_CLASS =
  /(?:^|\s)(?:gmail_quote\w*|gmail_extra|moz-cite-prefix|yahoo_quoted|protonmail_quote|mail-quote\w*)(?:\s|$)/i;
const SIGNATURE_CLASS = /(?:^|\s)(?:gmail_signature|moz-signature)(?:\s|$)/i;

/** Elements whose whole range is quoted history (a forwarded message is not). */
function isQuoteElement(html: string, el: HtmlElement): boolean {
  const cite = el.name === 'blockquote' && /^cite$/i.test(attr(el.attrs, 'type'));
  const marked = QUOTE_CLASS.test(attr(el.attrs, 'class')) || /^yahoo_quoted/i.test(attr(el.attrs, 'id'));
  return (cite || marked) && !isForwardMarker(leadingText(html, el));
}

/** Elements where the history ('history') or the signature starts and runs to the end of the message. */
function tailKind(html: string, el: HtmlElement): 'history' | 'signature' | null {
  const id = attr(el.attrs, 'id');
  if (/^(?:divRplyFwdMsg|appendonsend|stopSpelling)$/i.test(id)) return 'history';
  const style = attr(el.attrs, 'style');
  if (/border-top[\w-]*\s*:[^;]*(?:solid|#)/i.test(style) && isFromLabel(leadingText(html, el))) return 'history';
  const signature =
    /^Signature$/i.test(id) ||
    SIGNATURE_CLASS.test(attr(el.attrs, 'class')) ||
    /gmail_signature/i.test(attr(el.attrs, 'data-smartmail')) ||
    /^true$/i.test(attr(el.attrs, 'data-signatureblock'));
  return signature ? 'signature' : null;
}

/** The range containing an offset; ranges are disjoint and sorted by start. */
function inside(ranges: readonly Range[], at: number): Range | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (at < ranges[mid][0]) high = mid - 1;
    else if (at >= ranges[mid][1]) low = mid + 1;
    else return ranges[mid];
  }
  return undefined;
}

/** Moves a cut back over whitespace, line breaks, rules and elements without text. */
function backUp(parsed: ParsedHtml, html: string, offset: number): number {
  let off = offset;
  // A cut inside a text (a line of a <pre>) only drops the whitespace before it.
  const within = parsed.tokens.find((t) => t.type === 'text' && t.start < off && off < t.end);
  if (within !== undefined) {
    const kept = html.slice(within.start, off).trimEnd().length;
    if (kept > 0) return within.start + kept;
    off = within.start;
  }
  let i = parsed.tokens.findLastIndex((t) => t.end <= off);
  while (i >= 0) {
    const t = parsed.tokens[i];
    const blankText = t.type === 'text' && decodeEntities(html.slice(t.start, t.end)).trim() === '';
    const skippable = t.type === 'other' && html.startsWith('<!', t.start);
    const emptyOpen = t.type === 'open' && (!VOID_TAGS.has(t.name) || /^(?:br|hr|wbr)$/.test(t.name));
    if (blankText || skippable || emptyOpen) {
      off = t.start;
      i--;
    } else if (t.type === 'close' && !parsed.elements[t.element].hasText) {
      off = parsed.elements[t.element].start;
      i = parsed.elements[t.element].openToken - 1;
    } else break;
  }
  return off;
}

/**
 * Splits an HTML reply into the new part (`visibleHtml`) and the quoted history and signature
 * (`quotedHtml`). Both are re-balanced so each is well-formed on its own; when nothing is quoted,
 * `visibleHtml` is the input unchanged and `quotedHtml` is ''.
 */
export function splitReplyHtml(html: string): { visibleHtml: string; quotedHtml: string } {
  const parsed = parseHtml(html);
  const lines = htmlLines(html, parsed);
  if (lines.every((l) => l.text === '')) return { visibleHtml: html, quotedHtml: '' };
  const ranges: Range[] = [];
  let tail = html.length;
  for (const el of parsed.elements) {
    if (inside(ranges, el.start)) continue;
    if (isQuoteElement(html, el)) ranges.push([el.start, el.end]);
    else {
      const kind = tailKind(html, el);
      // A signature block counts only below some text: a client may wrap more than the signature.
      const below = kind === 'signature' && lines.some((l) => l.text.trim() !== '' && l.textStart < el.start);
      if (kind === 'history' || below) tail = Math.min(tail, el.start);
    }
  }
  const texts = lines.map((l) => l.text);
  const scanWithRanges = () =>
    scanLines(
      texts,
      lines.map((l) => inside(ranges, l.textStart) !== undefined),
    );
  let scan = scanWithRanges();
  // A quote header followed by a plain <blockquote> makes that blockquote a quote too.
  for (let round = 0; round < 4 && scan.cutKind === 'header'; round++) {
    const next = lines.slice(scan.cutHeaderEnd + 1).find((l) => l.text.trim() !== '');
    const headerAt = lines[scan.cutHeaderEnd].textStart;
    const quote = parsed.elements.find(
      (el) =>
        el.name === 'blockquote' &&
        el.start > headerAt &&
        next !== undefined &&
        next.textStart >= el.start &&
        next.textStart < el.end,
    );
    if (quote === undefined || inside(ranges, quote.start)) break;
    // Keep the ranges disjoint and sorted: the new quote swallows any it contains.
    const kept = ranges.filter(([s, e]) => s < quote.start || e > quote.end);
    ranges.splice(0, ranges.length, ...kept, [quote.start, quote.end]);
    ranges.sort((a, b) => a[0] - b[0]);
    scan = scanWithRanges();
  }
  let tailLine = lines.findIndex((l) => l.textStart >= tail);
  if (tailLine === -1) tailLine = lines.length;
  const cut = Math.min(scan.cut, tailLine);
  const range = dropValediction(texts, scan.kinds, chooseReplyRange({ ...scan, cut }));
  if (range.start === 0 && range.end >= lines.length && tail === html.length)
    return { visibleHtml: html, quotedHtml: '' };

  const lineStart = (i: number) => (i < lines.length ? lines[i].start : html.length);
  let end = range.end >= cut ? Math.min(lineStart(range.end), tail) : lineStart(range.end);
  end = backUp(parsed, html, inside(ranges, end)?.[0] ?? end);
  if (range.start === 0) {
    return { visibleHtml: rebalanceHtml(html.slice(0, end)), quotedHtml: rebalanceHtml(html.slice(end)) };
  }
  // Bottom posting: the leading quote (from its first line to the reply's first line) is cut out.
  const firstLine = lines.findIndex((l) => l.text.trim() !== '');
  const head = backUp(parsed, html, inside(ranges, lineStart(firstLine))?.[0] ?? lineStart(firstLine));
  const start = lineStart(range.start);
  return {
    visibleHtml: rebalanceHtml(html.slice(0, head) + html.slice(start, end)),
    quotedHtml: rebalanceHtml(html.slice(head, start) + html.slice(end)),
  };
}

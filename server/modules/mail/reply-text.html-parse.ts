/**
 * A small, forgiving HTML tokenizer for the reply splitter (no DOM library is available): tokens
 * with source offsets, the element tree as offset ranges, the text as lines that remember where
 * they start in the source, and a rebalancer that makes a cut-out fragment well-formed again.
 */

export interface HtmlToken {
  type: 'open' | 'close' | 'text' | 'other';
  /** Lower-cased tag name ('' for text and other). */
  name: string;
  start: number;
  end: number;
  attrs: string;
  /** Element index for open and matched close tags, -1 otherwise (a stray close is 'other'). */
  element: number;
}

export interface HtmlElement {
  name: string;
  attrs: string;
  start: number;
  /** End of the closing tag (or where the element was implicitly closed / the input ended). */
  end: number;
  closed: boolean;
  /** Contains visible text or an image. */
  hasText: boolean;
  openToken: number;
}

export interface ParsedHtml {
  tokens: HtmlToken[];
  elements: HtmlElement[];
}

/** One line of the text rendering: its text and where it starts in the HTML source. */
export interface HtmlLine {
  text: string;
  /** Offset of the line boundary (block tag or <br>) that began the line. */
  start: number;
  /** Offset of the first text on the line (equals start for a blank line). */
  textStart: number;
}

/** Elements that have no content and no closing tag. */
export const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const CLOSES_P = new Set([
  'p',
  'div',
  'blockquote',
  'table',
  'ul',
  'ol',
  'pre',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const BLOCK_TAGS = new Set([
  ...CLOSES_P,
  'li',
  'tr',
  'dd',
  'dt',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'center',
  'body',
]);
/** Elements a stray closing tag cannot reach past (the HTML "scope" rule, simplified). */
const SCOPE = new Set(['td', 'th', 'table', 'caption', 'html', 'template', 'object', 'applet', 'marquee']);
const TABLE_SCOPE = new Set(['table', 'html', 'template']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

const NAMED_ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references mail clients use in text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Position in the stack of the element a closing tag closes, or -1 when it closes nothing in
 * scope. `open` counts the open elements per name so a stray closer costs nothing.
 */
function openIndex(
  elements: readonly HtmlElement[],
  stack: readonly number[],
  open: Map<string, number>,
  name: string,
): number {
  if ((open.get(name) ?? 0) === 0) return -1;
  const boundaries = name === 'table' ? new Set(['html', 'template']) : TABLE_PARTS.has(name) ? TABLE_SCOPE : SCOPE;
  for (let i = stack.length - 1; i >= 0; i--) {
    const current = elements[stack[i]].name;
    if (current === name) return i;
    if (boundaries.has(current)) return -1;
  }
  return -1;
}

/** Tokenizes HTML and builds element ranges; unclosed tags end where their parent or the input ends. */
export function parseHtml(html: string): ParsedHtml {
  const tokens: HtmlToken[] = [];
  const elements: HtmlElement[] = [];
  const stack: number[] = [];
  const open = new Map<string, number>();
  const push = (type: HtmlToken['type'], start: number, end: number, name = '', attrs = '', element = -1) =>
    tokens.push({ type, name, start, end, attrs, element });
  const closeTop = (end: number, closed = true) => {
    const el = elements[stack.pop()!];
    open.set(el.name, (open.get(el.name) ?? 1) - 1);
    el.end = end;
    el.closed = closed;
  };
  const markText = () => {
    for (let i = stack.length - 1; i >= 0 && !elements[stack[i]].hasText; i--) elements[stack[i]].hasText = true;
  };
  let p = 0;
  while (p < html.length) {
    const lt = html.indexOf('<', p);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > p) {
      push('text', p, textEnd);
      if (decodeEntities(html.slice(p, textEnd)).trim() !== '') markText();
    }
    if (lt === -1) break;
    if (html.startsWith('<!--', lt) || html[lt + 1] === '!' || html[lt + 1] === '?') {
      const close = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) + 3 : html.indexOf('>', lt) + 1;
      p = close <= 0 ? html.length : close;
      push('other', lt, p);
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (m === null) {
      push('text', lt, lt + 1);
      p = lt + 1;
      continue;
    }
    p = TAG.lastIndex;
    const name = m[2].toLowerCase();
    if (m[1] === '/') {
      const at = openIndex(elements, stack, open, name);
      if (at === -1) {
        push('other', lt, p);
        continue;
      }
      while (stack.length > at + 1) closeTop(lt);
      push('close', lt, p, name, '', stack[at]);
      closeTop(p);
      continue;
    }
    if (CLOSES_P.has(name) && stack.length > 0 && elements[stack[stack.length - 1]].name === 'p') closeTop(lt);
    const index = elements.length;
    const selfClosing = VOID_TAGS.has(name) || m[3].trimEnd().endsWith('/');
    elements.push({
      name,
      attrs: m[3],
      start: lt,
      end: p,
      closed: selfClosing,
      hasText: false,
      openToken: tokens.length,
    });
    push('open', lt, p, name, m[3], index);
    if (name === 'img') markText();
    if (selfClosing) continue;
    stack.push(index);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (RAW_TEXT_TAGS.has(name)) {
      const closing = new RegExp(`</${name}\\s*>`, 'ig');
      closing.lastIndex = p;
      const found = closing.exec(html);
      const contentEnd = found === null ? html.length : found.index;
      if (contentEnd > p) push('other', p, contentEnd);
      p = contentEnd;
    }
  }
  while (stack.length > 0) closeTop(html.length, false);
  return { tokens, elements };
}

/**
 * The text of the document as lines, each with the source offset where it begins, so a line the
 * scanner picks can be turned back into a cut position in the HTML.
 */
export function htmlLines(html: string, parsed: ParsedHtml): HtmlLine[] {
  const lines: HtmlLine[] = [];
  let text = '';
  let start = 0;
  let textStart = -1;
  let inPre = 0;
  const flush = (nextStart: number) => {
    lines.push({
      // Outside <pre>, leading spaces are only source indentation.
      text: inPre > 0 ? text.trimEnd() : text.trim(),
      start,
      textStart: textStart === -1 ? start : textStart,
    });
    text = '';
    textStart = -1;
    start = nextStart;
  };
  const append = (piece: string, at: number) => {
    if (textStart === -1 && piece.trim() !== '') textStart = at;
    text += piece;
  };
  for (const t of parsed.tokens) {
    if (t.name === 'pre') inPre += t.type === 'open' ? 1 : -1;
    if (t.type === 'text') {
      const raw = html.slice(t.start, t.end);
      if (inPre === 0) {
        append(decodeEntities(raw).replace(/\s+/g, ' '), t.start);
        continue;
      }
      let offset = t.start;
      for (const [i, piece] of raw.split('\n').entries()) {
        if (i > 0) flush(offset);
        append(decodeEntities(piece), offset);
        offset += piece.length + 1;
      }
    } else if (t.name === 'img' && t.type === 'open') {
      append('\ufffc', t.start);
    } else if ((t.name === 'td' || t.name === 'th') && t.type === 'open') {
      append(' ', t.start);
    } else if (t.name === 'br' && t.type === 'open') {
      flush(t.end);
    } else if (BLOCK_TAGS.has(t.name) && (t.type === 'open' || t.type === 'close')) {
      // Consecutive boundaries make one: the line begins at the first of them.
      if (text.trim() !== '') flush(t.type === 'open' ? t.start : t.end);
    }
  }
  if (text.trim() !== '') flush(html.length);
  return lines;
}

/** Makes a slice of HTML well-formed: drops closing tags without an opening, closes what is open. */
export function rebalanceHtml(fragment: string): string {
  const { tokens, elements } = parseHtml(fragment);
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.type !== 'other' || !/^<\//.test(fragment.slice(t.start, t.end))) continue;
    out += fragment.slice(last, t.start);
    last = t.end;
  }
  out += fragment.slice(last);
  const open = elements.filter((e) => !e.closed && !VOID_TAGS.has(e.name)).sort((a, b) => b.start - a.start);
  return out + open.map((e) => `</${e.name}>`).join('');
}

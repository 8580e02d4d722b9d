/**
 * The line scanner behind reply splitting, shared by the plain-text and the HTML splitter: it
 * marks quoted lines and finds where the history or signature that runs to the end begins, then
 * decides which lines the sender wrote this time (top posting, bottom posting or inline replies).
 */
import {
  headerLeadStrength,
  isBareQuoteHeader,
  isDecorationLine,
  isForwardMarker,
  isHeaderBlockAt,
  isMobileSignature,
  isQuoteHeader,
  isSeparator,
  isSignatureDelimiter,
  isValediction,
} from './reply-text.patterns.ts';

/** text: new text; quote: quoted history; header: a quote header followed by a quote. */
export type LineKind = 'blank' | 'text' | 'quote' | 'header';

export interface LineScan {
  kinds: LineKind[];
  /** First line of the trailing history/signature (lines.length when there is none). */
  cut: number;
  /** What starts at `cut`: a quote header ("On … wrote:") or anything else. */
  cutKind: 'header' | 'other' | 'none';
  /** Last line of the header when cutKind is 'header'. */
  cutHeaderEnd: number;
  /** Lines the caller marked as quoted (HTML quote elements), as passed to scanLines. */
  quoted: readonly boolean[];
}

/** The lines the sender wrote this time: [start, end); start > 0 only for bottom posting. */
export interface ReplyRange {
  start: number;
  end: number;
}

/** Lines longer than this are never part of a header (keeps pathological input linear). */
const MAX_HEADER_LINE = 500;

/**
 * Start of the quote header that ends at line `end` (up to three lines joined, for headers that
 * clients wrap), or -1. Among the windows that form a header, the smallest one whose first line
 * begins most like a header wins, so the line above an "On … wrote:" line is not pulled in.
 */
function headerStartAt(lines: readonly string[], kinds: readonly LineKind[], end: number): number {
  let best = -1;
  let bestStrength = -1;
  let joined = '';
  for (let start = end; start >= 0 && start > end - 3; start--) {
    if (kinds[start] !== 'text' || lines[start].length > MAX_HEADER_LINE) break;
    joined = joined === '' ? lines[start].trim() : `${lines[start].trim()} ${joined}`;
    if (!isQuoteHeader(joined)) continue;
    const strength = headerLeadStrength(lines[start]);
    if (strength > bestStrength) {
      best = start;
      bestStrength = strength;
    }
  }
  return best;
}

function nextNonBlank(kinds: readonly LineKind[], from: number): number {
  let i = from;
  while (i < kinds.length && kinds[i] === 'blank') i++;
  return i;
}

function previousNonBlank(kinds: readonly LineKind[], from: number): number {
  let i = from;
  while (i >= 0 && kinds[i] === 'blank') i--;
  return i;
}

/** Initial kinds: blank, '>' quote, or text; lines in ``` fences are text that never matches. */
function classify(lines: readonly string[], quoted: readonly boolean[]): { kinds: LineKind[]; fenced: boolean[] } {
  const kinds: LineKind[] = [];
  const fenced: boolean[] = [];
  let inFence = false;
  for (const [i, line] of lines.entries()) {
    const fence = /^\s*```/.test(line);
    fenced.push(inFence || fence);
    if (fence) inFence = !inFence;
    if (line.trim() === '') kinds.push('blank');
    // ">:" alone is the end of a wrapped "<address\n>:" header, not a quote.
    else if (quoted[i] || (!fenced[i] && /^\s*>/.test(line) && !/^\s*>\s*[:：]\s*$/.test(line))) kinds.push('quote');
    else kinds.push('text');
  }
  // A line wedged between two '>' lines is a quoted line the client wrapped without '>'.
  const marked = (i: number) => kinds[i] === 'quote' && !quoted[i];
  for (let i = 1; i < lines.length - 1; i++) {
    if (kinds[i] !== 'text' || !marked(i - 1)) continue;
    let j = i;
    while (j < lines.length && kinds[j] === 'text' && j - i < 3) j++;
    if (marked(j)) for (let k = i; k < j; k++) kinds[k] = 'quote';
  }
  return { kinds, fenced };
}

/**
 * Scans lines: kinds per line and the first line of what runs to the end as history or signature.
 * `quoted` marks lines already known to be quoted (the HTML splitter passes its blockquotes).
 */
export function scanLines(lines: readonly string[], quoted: readonly boolean[] = []): LineScan {
  const { kinds, fenced } = classify(lines, quoted);
  const at = (cut: number, cutKind: LineScan['cutKind'], cutHeaderEnd = -1): LineScan => {
    let start = cut;
    // The separator lines and blank lines just above a cut belong to the history.
    while (start > 0 && (kinds[start - 1] === 'blank' || isDecorationLine(lines[start - 1]))) start--;
    return { kinds, cut: start, cutKind, cutHeaderEnd, quoted };
  };
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'text' || fenced[i]) continue;
    const line = lines[i];
    if (isSeparator(line) || isSignatureDelimiter(line) || isMobileSignature(line)) return at(i, 'other');
    if (isHeaderBlockAt(lines, i)) {
      const before = previousNonBlank(kinds, i - 1);
      if (before < 0 || !isForwardMarker(lines[before])) return at(i, 'other');
    }
    let start = headerStartAt(lines, kinds, i);
    if (start === -1 && isBareQuoteHeader(line) && kinds[nextNonBlank(kinds, i + 1)] === 'quote') start = i;
    if (start === -1 || fenced[start]) continue;
    if (kinds[nextNonBlank(kinds, i + 1)] !== 'quote') return at(start, 'header', i);
    for (let k = start; k <= i; k++) kinds[k] = 'header';
  }
  return { kinds, cut: lines.length, cutKind: 'none', cutHeaderEnd: -1, quoted };
}

const isQuoted = (kind: LineKind) => kind === 'quote' || kind === 'header';

/**
 * Decides which lines are new, given a scan: text above the first quote (top posting), text
 * below a single leading quote (bottom posting), or, when new text and quotes alternate, everything
 * down to the last new line (inline replies keep the questions they answer).
 */
export function chooseReplyRange(scan: LineScan): ReplyRange {
  const { kinds, cut } = scan;
  let firstQuote = -1;
  let firstText = -1;
  let lastText = -1;
  for (let i = 0; i < cut; i++) {
    if (isQuoted(kinds[i]) && firstQuote === -1) firstQuote = i;
    if (kinds[i] === 'text') {
      if (firstText === -1) firstText = i;
      lastText = i;
    }
  }
  if (firstText === -1) return { start: 0, end: 0 };
  if (firstQuote === -1 || lastText < firstQuote) return { start: 0, end: firstQuote === -1 ? cut : firstQuote };
  if (firstText < firstQuote) return { start: 0, end: lastText + 1 };
  // Bottom posting needs a quote that surely is one: a header ("On … wrote:") or quote markup;
  // a leading "> …" line alone may be the sender's own text (a newsletter's "> Read more <").
  const surelyQuote = kinds[firstQuote] === 'header' || scan.quoted[firstQuote] === true;
  for (let i = firstText; i < lastText; i++) if (isQuoted(kinds[i])) return { start: 0, end: lastText + 1 };
  return surelyQuote ? { start: firstText, end: lastText + 1 } : { start: 0, end: lastText + 1 };
}

/** Moves the end of the range above a closing formula ("Regards,\nJohn") that ends the reply. */
export function dropValediction(lines: readonly string[], kinds: readonly LineKind[], range: ReplyRange): ReplyRange {
  let sawText = false;
  for (let i = range.start; i < range.end; i++) {
    if (kinds[i] !== 'text') continue;
    if (sawText && isValediction(lines[i])) {
      const tail = lines.slice(i + 1, range.end).filter((l) => l.trim() !== '');
      if (tail.length <= 5 && tail.every((l) => l.trim().length <= 60)) return { start: range.start, end: i };
    }
    sawText = true;
  }
  return range;
}

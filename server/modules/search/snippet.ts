import { cyrillicStem, isCjk, normalizeText } from './tokenize.ts';

/** What a query highlights: word stems (as prefixes) and CJK runs (as substrings). */
export interface Highlighter {
  stems: string[];
  cjkRuns: string[];
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
/** A word of the original text, apostrophes inside it included. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu;

const SCAN_LIMIT = 20_000;

/** Prepares the highlighting of a query (same normalization and stems as the search itself). */
export function highlighterFor(query: string): Highlighter {
  const text = normalizeText(query);
  const cjkRuns = [...text.matchAll(CJK_RUN)].map((m) => m[0]);
  const stems = text
    .replace(CJK_RUN, ' ')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0)
    .map(cyrillicStem);
  return { stems, cjkRuns };
}

/** Escapes text for HTML, so only our own `<mark>` elements are markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Ranges [start, end) of the original text that match the query, in order; with `window`, only
 * those up to that many characters after the first (all a snippet needs).
 */
function matchRanges(text: string, h: Highlighter, window = Number.POSITIVE_INFINITY): [number, number][] {
  const out: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    const original = match[0];
    const start = match.index;
    if (out.length > 0 && start > out[0][0] + window) break;
    const norm = normalizeText(original);
    if (isCjk(norm)) {
      // Offsets map one to one only when normalization kept the length (it does for CJK).
      const sameLength = norm.length === original.length;
      for (const run of h.cjkRuns) {
        let at = norm.indexOf(run);
        while (at >= 0) {
          out.push(sameLength ? [start + at, start + at + run.length] : [start, start + original.length]);
          at = norm.indexOf(run, at + run.length);
        }
      }
    }
    const plain = norm.replace(CJK_RUN, ' ');
    for (const part of plain.split(/[^\p{L}\p{N}\p{M}]+/u)) {
      if (part && h.stems.some((s) => part.startsWith(s))) {
        out.push([start, start + original.length]);
        break;
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A short passage of `text` around the first match, as HTML: the text escaped, each match
 * wrapped in `<mark>`, cut at word boundaries with an ellipsis. Safe to render as HTML; the web
 * app still parses it into text and marks rather than injecting it.
 */
export function snippet(text: string, h: Highlighter, maxLength = 180): string {
  // A match deep inside a very long thread is shown from the start rather than searched for.
  const flat = text.slice(0, SCAN_LIMIT).replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, h, maxLength);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(maxLength / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= at || s >= end) continue;
    const from = Math.max(s, at);
    const to = Math.min(e, end);
    html += `${escapeHtml(flat.slice(at, from))}<mark>${escapeHtml(flat.slice(from, to))}</mark>`;
    at = to;
  }
  html += escapeHtml(flat.slice(at, end));
  if (end < flat.length) html += '…';
  return html;
}

/**
 * Separates what the sender of an e-mail reply wrote this time from the quoted history and the
 * signature, so a ticket shows the new text and keeps the rest one click away.
 *
 * Plain text: see reply-text.lines.ts (scanner) and reply-text.patterns.ts (what a quote header,
 * separator or signature looks like). HTML: see reply-text.html.ts.
 */
import type { ReplySplit } from './mail.model.ts';
import { chooseReplyRange, dropValediction, scanLines } from './reply-text.lines.ts';

export { splitReplyHtml } from './reply-text.html.ts';

/** Lines with blank lines removed at both ends; indentation of the first line is kept. */
function trimBlankLines(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end).join('\n').trimEnd();
}

/**
 * Splits a plain-text reply into the new text (`visible`, trailing whitespace trimmed, inner blank
 * lines kept) and everything cut off (`quoted`: quoted history, quote headers, signature), so that
 * nothing but whitespace is lost. Line endings are normalized to "\n".
 *
 * Recognized: "On … wrote:" headers in many languages (also wrapped over up to three lines),
 * Outlook "From:/Sent:/To:/Subject:" blocks, "-----Original Message-----" and "_____" separators,
 * '>' quotes (top posting, bottom posting and inline answers), "-- " signatures, "Sent from my
 * iPhone"-style lines and a short closing formula ("Regards,\nJohn") at the end.
 */
export function splitReplyText(text: string): ReplySplit {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const scan = scanLines(lines);
  const range = dropValediction(lines, scan.kinds, chooseReplyRange(scan));
  const visible = trimBlankLines(lines.slice(range.start, range.end));
  const quoted = [lines.slice(0, range.start), lines.slice(range.end)]
    .map(trimBlankLines)
    .filter((part) => part !== '')
    .join('\n');
  return { visible, quoted };
}

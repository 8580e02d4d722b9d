/** A piece of a snippet: plain text, or text the server marked as a match. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ENTITY = /&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(ENTITY, (_, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return NAMED[lower] ?? '';
  });
}

/**
 * Splits a server snippet (escaped text with `<mark>…</mark>`) into parts rendered as React text,
 * so nothing in it is ever interpreted as HTML: any other tag stays visible as text.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of snippet.split(/<mark>|<\/mark>/).entries()) {
    if (chunk) parts.push({ text: decode(chunk), mark: i % 2 === 1 });
  }
  return parts;
}

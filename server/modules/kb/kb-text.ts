/**
 * Folding for the simple article match: lower case (every script, not only ASCII as SQL's
 * lower() on SQLite), and no diacritics, so `Imprimantă`, `imprimanta` and `IMPRIMANTĂ` (with
 * ș or ş) are the same word. The same function folds stored text and query words.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Words worth matching: letters and digits, 3+ characters (2+ for Chinese), at most 8, longest first, folded. */
export function queryWords(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const useful = words.filter((w) => w.length >= 3 || (w.length >= 2 && /\p{Script=Han}/u.test(w)));
  return [...new Set(useful)].sort((a, b) => b.length - a.length).slice(0, 8);
}

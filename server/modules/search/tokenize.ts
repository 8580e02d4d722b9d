/**
 * The one tokenizer of the search index, used for documents and queries on both databases, so
 * SQLite (FTS5 fed with these terms) and PostgreSQL (a tsvector built from them as-is) match the
 * same way. Pure functions; see docs/adr/0021-search.md for the rules and why.
 */

/** Han, Hiragana and Katakana: written without spaces, indexed as overlapping bigrams. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
/** An e-mail address in normalized text (kept whole as one term, and split into its parts). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Apostrophes inside a word (Ukrainian `м'ясо`, `мʼясо`, `м’ясо`) are dropped so all forms meet. */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{M}])['\u2019\u02BC\u2018`](?=\p{L})/gu;
const HAS_APOSTROPHE = /['\u2019\u02BC\u2018`]/;
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** Text of only ASCII, basic Cyrillic and common CJK ideographs (and punctuation) is already NFKC. */
const NFKC_STABLE = /^[\t\n\r\x20-\x7e\u0400-\u04ff\u2010-\u2027\u3001-\u3002\u4e00-\u9fff]*$/;
/** Latin letters with diacritics, or combining marks: only then is the fold pass needed. */
const MAY_HAVE_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]|\p{M}/u;
/** What separates words once CJK is taken out. */
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;
/** Longest term we keep; longer "words" are noise (hashes, base64) and bloat the index. */
const MAX_TERM = 60;

/**
 * Normal form of text for indexing and matching: NFKC, lower case, diacritics of Latin letters
 * removed (Romanian `ș/ş` → `s`, `ț/ţ` → `t`, `ă/â` → `a`, `î` → `i`), Cyrillic kept as written
 * except `ё` → `е`, apostrophes inside words removed. Keeps the length of CJK text unchanged.
 */
export function normalizeText(text: string): string {
  // The Unicode passes are most of the cost; skip those that cannot change the text.
  let out = NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
  out = out.toLowerCase();
  if (MAY_HAVE_MARKS.test(out)) out = out.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
  if (out.includes('ё')) out = out.replace(/ё/g, 'е');
  return HAS_APOSTROPHE.test(out) ? out.replace(INNER_APOSTROPHE, '') : out;
}

/** True when the string contains a character indexed by bigrams. */
export function isCjk(text: string): boolean {
  return CJK.test(text);
}

/** Overlapping bigrams of a CJK run plus its last character alone (so `X*` finds every `X`). */
export function cjkTerms(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i] + chars[i + 1]);
  out.push(chars[chars.length - 1]);
  return out;
}

/** Plain words of normalized non-CJK text. */
function words(text: string): string[] {
  return text.split(NON_WORD).filter((w) => w.length > 0 && w.length <= MAX_TERM);
}

/** Terms of normalized text: e-mail addresses whole, then every word (numbers too) and CJK bigram. */
function termsOfNormalized(text: string): string[] {
  const out: string[] = [];
  if (text.includes('@')) for (const match of text.matchAll(EMAIL)) if (match[0].length <= MAX_TERM) out.push(match[0]);
  let last = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    out.push(...words(text.slice(last, match.index)));
    out.push(...cjkTerms(match[0]));
    last = match.index + match[0].length;
  }
  out.push(...words(text.slice(last)));
  return out;
}

/**
 * The index terms of a text, in order, with repeats (repeats weigh in the ranking).
 * @example tokenize('Imprimanta nu funcționează') → ['imprimanta', 'nu', 'functioneaza']
 */
export function tokenize(text: string): string[] {
  return termsOfNormalized(normalizeText(text));
}

/** One term of a query: matched as a prefix unless it is a CJK bigram or a whole address. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** Inflectional endings of Ukrainian and Russian nouns and adjectives, longest first. */
const CYRILLIC_ENDINGS = [
  'ями',
  'ами',
  'ого',
  'ому',
  'ими',
  'ыми',
  'ому',
  'ему',
  'ий',
  'ый',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ие',
  'ые',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ей',
  'ів',
  'ою',
  'ею',
  'ої',
  'их',
  'ых',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'и',
  'і',
  'ы',
  'о',
  'ь',
  'й',
].sort((a, b) => b.length - a.length);
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}]+$/u;
/** A stem shorter than this is too vague to search by prefix. */
const MIN_STEM = 4;

/**
 * The search stem of a Ukrainian or Russian word: one inflectional ending removed when what is
 * left is long enough. Queries match stems as prefixes, so `принтера` finds `принтер`,
 * `принтеру` and `принтером`; the index keeps words as written.
 */
export function cyrillicStem(word: string): string {
  if (!CYRILLIC_WORD.test(word)) return word;
  for (const ending of CYRILLIC_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * The terms a query must all match (AND). Every word is a prefix (search as you type); Cyrillic
 * words are reduced to their stem first; CJK runs become their bigrams (one character alone is
 * a prefix of the bigrams it starts); e-mail addresses match whole. Duplicates removed.
 */
export function queryTerms(query: string): QueryTerm[] {
  const text = normalizeText(query);
  const out = new Map<string, QueryTerm>();
  const add = (term: string, prefix: boolean) => {
    const existing = out.get(term);
    if (!existing || (existing.prefix && !prefix)) out.set(term, { term, prefix });
  };
  for (const match of text.matchAll(EMAIL)) if (match[0].length <= MAX_TERM) add(match[0], false);
  let last = 0;
  const addWords = (chunk: string) => {
    for (const w of words(chunk)) add(cyrillicStem(w), true);
  };
  for (const match of text.matchAll(CJK_RUN)) {
    addWords(text.slice(last, match.index));
    const run = [...match[0]];
    if (run.length === 1) add(run[0], true);
    else for (let i = 0; i + 1 < run.length; i += 1) add(run[i] + run[i + 1], false);
    last = match.index + match[0].length;
  }
  addWords(text.slice(last));
  return [...out.values()];
}

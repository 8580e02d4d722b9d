import { describe, expect, it } from 'vitest';
import { highlighterFor, snippet } from './snippet.ts';
import { cjkTerms, cyrillicStem, normalizeText, queryTerms, tokenize } from './tokenize.ts';

/** True when every query term matches some document term (what both databases do). */
function matches(doc: string, query: string): boolean {
  const terms = new Set(tokenize(doc));
  const q = queryTerms(query);
  return (
    q.length > 0 &&
    q.every(({ term, prefix }) => (prefix ? [...terms].some((t) => t.startsWith(term)) : terms.has(term)))
  );
}

describe('normalizeText', () => {
  it('folds Romanian comma-below, cedilla and breve letters to plain Latin', () => {
    expect(normalizeText('Șeful ŞI ţara Țării, mâine, în, ă')).toBe('seful si tara tarii, maine, in, a');
  });
  it('keeps Cyrillic letters but folds ё to е', () => {
    expect(normalizeText('Ёлка, йод, їжак, ґанок, щастя')).toBe('елка, йод, їжак, ґанок, щастя');
  });
  it('drops apostrophes inside Ukrainian words in all their spellings', () => {
    for (const w of ["м'ясо", 'мʼясо', 'м’ясо', 'мясо']) expect(normalizeText(w)).toBe('мясо');
  });
  it('applies NFKC (full-width Latin and digits) and lower case', () => {
    expect(normalizeText('ＰＲＩＮＴＥＲ１２')).toBe('printer12');
  });
  it('keeps the length of CJK text', () => {
    expect(normalizeText('打印机坏了')).toHaveLength(5);
  });
});

describe('tokenize', () => {
  it('splits words on punctuation and white space', () => {
    expect(tokenize('Printer: out-of-paper (again)!')).toEqual(['printer', 'out', 'of', 'paper', 'again']);
  });
  it('indexes CJK runs as overlapping bigrams plus the last character', () => {
    expect(tokenize('打印机坏了')).toEqual(['打印', '印机', '机坏', '坏了', '了']);
    expect(cjkTerms('打')).toEqual(['打']);
  });
  it('separates CJK from Latin in mixed text', () => {
    expect(tokenize('HP打印机error')).toEqual(['hp', '打印', '印机', '机', 'error']);
  });
  it('keeps e-mail addresses whole and also splits them', () => {
    expect(tokenize('From Ivan.Petrov@Example.com today')).toEqual([
      'ivan.petrov@example.com',
      'from',
      'ivan',
      'petrov',
      'example',
      'com',
      'today',
    ]);
  });
  it('keeps ticket numbers as number terms', () => {
    expect(tokenize('Re: #10023 and FD-10024')).toEqual(['re', '10023', 'and', 'fd', '10024']);
  });
  it('drops absurdly long terms', () => {
    expect(tokenize(`a ${'x'.repeat(100)} b`)).toEqual(['a', 'b']);
  });
});

describe('cyrillicStem', () => {
  it('removes one inflectional ending when a stem of four letters remains', () => {
    expect(cyrillicStem('принтера')).toBe('принтер');
    expect(cyrillicStem('принтером')).toBe('принтер');
    expect(cyrillicStem('принтер')).toBe('принтер');
    expect(cyrillicStem('мережі')).toBe('мереж');
    expect(cyrillicStem('сеть')).toBe('сеть');
  });
  it('leaves other scripts alone', () => {
    expect(cyrillicStem('printers')).toBe('printers');
  });
});

describe('queryTerms', () => {
  it('makes words prefixes and CJK bigrams exact', () => {
    expect(queryTerms('prin 打印机')).toEqual([
      { term: 'prin', prefix: true },
      { term: '打印', prefix: false },
      { term: '印机', prefix: false },
    ]);
  });
  it('makes one CJK character a prefix', () => {
    expect(queryTerms('打')).toEqual([{ term: '打', prefix: true }]);
  });
  it('is empty for punctuation only', () => {
    expect(queryTerms(' ?!* "" ')).toEqual([]);
  });
});

describe('matching (documents against queries)', () => {
  const cases: [string, string, boolean][] = [
    ['打印机坏了', '打印', true],
    ['打印机坏了', '打', true],
    ['打印机坏了', '了', true],
    ['打印机坏了', '坏', true],
    ['打印机坏了', '打印机', true],
    ['办公室的打印机坏了，无法连接网络', '打印 网络', true],
    ['打印机坏了', '打机', false],
    ['The printer is broken', 'prin', true],
    ['The printer is broken', 'printers', false],
    ['Не работает принтер', 'принтера', true],
    ['Принтера нет на месте', 'принтер', true],
    ['Проблема с принтером', 'принтеры', true],
    ['Не працює принтер у бухгалтерії', 'принтера', true],
    ['Не працює мережа', 'мережі', true],
    ['Imprimanta nu funcționează', 'functioneaza', true],
    ['Imprimanta nu functioneaza', 'funcționează', true],
    ['Imprimanta nu funcţionează (cedilla)', 'funcționează', true],
    ['Contactați-mă la ion.popescu@firma.ro', 'ion.popescu@firma.ro', true],
    ['Contactați-mă la ion.popescu@firma.ro', 'popescu', true],
    ['Contactați-mă la ion.popescu@firma.ro', 'other@firma.ro', false],
    ['Ticket #10023 reopened', '10023', true],
    ['Ticket #10023 reopened', '#10023', true],
    ['Купили мʼясо', "м'ясо", true],
    ['Ёлка', 'елка', true],
  ];
  it.each(cases)('%s ← %s: %s', (doc, query, expected) => {
    expect(matches(doc, query)).toBe(expected);
  });
});

describe('snippet', () => {
  it('marks prefix matches over escaped text', () => {
    expect(snippet('The <b>printer</b> prints', highlighterFor('prin'))).toBe(
      'The &#60;b&#62;<mark>printer</mark>&#60;/b&#62; <mark>prints</mark>',
    );
  });
  it('marks CJK substrings exactly', () => {
    expect(snippet('办公室的打印机坏了', highlighterFor('打印'))).toBe('办公室的<mark>打印</mark>机坏了');
  });
  it('marks words written with diacritics for a query without', () => {
    expect(snippet('Imprimanta nu funcționează', highlighterFor('functioneaza'))).toBe(
      'Imprimanta nu <mark>funcționează</mark>',
    );
  });
  it('cuts a window around the first match with ellipses', () => {
    const text = `${'word '.repeat(100)}needle ${'tail '.repeat(100)}`;
    const out = snippet(text, highlighterFor('needle'), 100);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('<mark>needle</mark>');
    expect(out.length).toBeLessThan(130);
  });
  it('returns the start of the text when nothing matches', () => {
    expect(snippet('Nothing here', highlighterFor('zzz'))).toBe('Nothing here');
  });
});

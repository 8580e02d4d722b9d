import { describe, expect, it } from 'vitest';
import { foldText, queryWords } from './kb-text.ts';

describe('foldText', () => {
  it('folds case in every script and drops diacritics (both Romanian comma and cedilla forms)', () => {
    expect(foldText('Imprimantă ȘI Imprimanta şi')).toBe('imprimanta si imprimanta si');
    expect(foldText('ПРИНТЕР Принтер')).toBe('принтер принтер');
    expect(foldText('打印机')).toBe('打印机');
  });
});

describe('queryWords', () => {
  it('keeps useful folded words, two-character Chinese words included, longest first', () => {
    expect(queryWords('My printer: E-204 is on fire!!')).toEqual(['printer', 'fire', '204']);
    expect(queryWords('打印 a')).toEqual(['打印']);
    expect(queryWords('Imprimantă nu')).toEqual(['imprimanta']);
  });
});

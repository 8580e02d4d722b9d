import { describe, expect, it } from 'vitest';
import { cleanNames, displayName, keyProblem, namesForm, nextPosition, pickName, suggestKey } from './names.ts';

describe('pickName', () => {
  it('prefers the language, then English, then any name', () => {
    expect(pickName({ en: 'On hold', uk: 'Призупинено' }, 'uk')).toBe('Призупинено');
    expect(pickName({ en: 'On hold', uk: 'Призупинено' }, 'zh')).toBe('On hold');
    expect(pickName({ ro: 'În așteptare' }, 'zh')).toBe('În așteptare');
    expect(pickName({ uk: '  ' }, 'uk')).toBeNull();
    expect(pickName(undefined, 'en')).toBeNull();
  });
});

describe('displayName', () => {
  it('uses an admin name first, then the built-in translation, then the key', () => {
    expect(displayName({ key: 'closed', names: { en: 'Done' } }, 'en', 'Closed')).toBe('Done');
    expect(displayName({ key: 'closed', names: {} }, 'uk', 'Закрито')).toBe('Закрито');
    expect(displayName({ key: 'waiting_parts', names: {} }, 'en', '')).toBe('waiting_parts');
    expect(displayName({ key: 'waiting_parts', names: {} }, 'en')).toBe('waiting_parts');
  });
});

describe('namesForm and cleanNames', () => {
  it('fills every language for the inputs and sends only the filled ones, trimmed', () => {
    const form = namesForm({ en: 'Waiting for parts' });
    expect(form).toEqual({ en: 'Waiting for parts', uk: '', ru: '', ro: '', zh: '' });
    expect(cleanNames({ ...form, uk: '  Очікує запчастин ', zh: ' ' })).toEqual({
      en: 'Waiting for parts',
      uk: 'Очікує запчастин',
    });
  });
});

describe('suggestKey', () => {
  it('turns a name into a key the API accepts', () => {
    expect(suggestKey('Waiting for parts')).toBe('waiting_for_parts');
    expect(suggestKey('  Réparation / SAV  ')).toBe('reparation_sav');
    expect(suggestKey('2nd line review')).toBe('nd_line_review');
    expect(suggestKey('x'.repeat(60))).toHaveLength(40);
  });

  it('gives nothing when no usable key comes out', () => {
    expect(suggestKey('Очікує')).toBe('');
    expect(suggestKey('a')).toBe('');
    expect(suggestKey('')).toBe('');
  });
});

describe('keyProblem', () => {
  it('checks presence, the pattern and that the key is not taken (a PUT would overwrite it)', () => {
    expect(keyProblem(' ', [])).toBe('required');
    expect(keyProblem('Waiting', [])).toBe('invalid');
    expect(keyProblem('1st', [])).toBe('invalid');
    expect(keyProblem('a', [])).toBe('invalid');
    expect(keyProblem('new', ['new', 'closed'])).toBe('taken');
    expect(keyProblem('waiting_parts', ['new'])).toBeNull();
  });
});

describe('nextPosition', () => {
  it('lists a new entry after the last one, within the API limit', () => {
    expect(nextPosition([])).toBe(0);
    expect(nextPosition([{ position: 3 }, { position: 7 }])).toBe(8);
    expect(nextPosition([{ position: 1000 }])).toBe(1000);
  });
});

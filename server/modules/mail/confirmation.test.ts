import { describe, expect, it } from 'vitest';
import { confirmsSolution } from './confirmation.ts';

describe('confirmsSolution', () => {
  it.each([
    'Thanks, it works now!',
    'Confirmed, you can close it.',
    'Problem solved, thank you',
    'Дякую, підтверджую.',
    'Спасибо, всё работает',
    'Mulțumesc, funcționează!',
    '谢谢，已解决',
  ])('reads %s as a confirmation', (text) => {
    expect(confirmsSolution(text)).toBe(true);
  });

  it.each([
    'It still does not work.',
    "Thanks, but it doesn't work",
    'Не працює досі',
    'Всё ещё не работает',
    'Nu funcționează',
    '还是不行',
    'Hello, I have another question about invoices.',
    '',
    `Confirmed. ${'Long story about another problem. '.repeat(20)}`,
  ])('reads %s as a rejection', (text) => {
    expect(confirmsSolution(text)).toBe(false);
  });
});

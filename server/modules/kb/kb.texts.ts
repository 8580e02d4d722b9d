import type { Locale } from '../../../common/domain.ts';

/**
 * The section headings of a draft article made from a ticket, in the five interface languages
 * (typed by `Locale`, so a language left out does not compile).
 */
export const DRAFT_HEADINGS: Record<Locale, { problem: string; solution: string }> = {
  en: { problem: 'Problem', solution: 'Solution' },
  uk: { problem: 'Проблема', solution: 'Рішення' },
  ru: { problem: 'Проблема', solution: 'Решение' },
  ro: { problem: 'Problemă', solution: 'Soluție' },
  zh: { problem: '问题', solution: '解决方案' },
};

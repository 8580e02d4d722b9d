import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../../common/domain.ts';
import { resources } from './resources.ts';

/** Names of the languages in themselves, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  uk: 'Українська',
  ru: 'Русский',
  ro: 'Română',
  zh: '中文',
};

export function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** The active language reduced to one we ship (`uk-UA` → `uk`). */
export function currentLocale(): Locale {
  const base = (i18n.resolvedLanguage ?? i18n.language ?? 'en').split('-')[0];
  return isLocale(base) ? base : 'en';
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    // Before login the browser decides; after login the user's saved locale wins (see useSyncUserLocale).
    detection: { order: ['localStorage', 'navigator'], caches: ['localStorage'], lookupLocalStorage: 'fd_lang' },
  });

function reflectLanguage(language: string): void {
  document.documentElement.lang = language.split('-')[0];
}
reflectLanguage(i18n.language ?? 'en');
i18n.on('languageChanged', reflectLanguage);

export default i18n;

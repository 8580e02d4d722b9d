import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.ts';
import { useCatalog } from './queries.ts';

type Names = Record<string, string>;

/** An admin-given name in the user's language, else English, else null. */
function pick(names: Names | undefined): string | null {
  if (!names) return null;
  return names[currentLocale()] ?? names.en ?? Object.values(names)[0] ?? null;
}

/**
 * Display names of statuses and ticket types. Admin-given names win; built-in keys fall back to
 * the UI's translations; anything else shows its key rather than nothing.
 */
export function useWorkflowNames() {
  const { t } = useTranslation();
  const catalog = useCatalog().data;
  return {
    status: (key: string) =>
      pick(catalog?.statusDefs?.find((s) => s.key === key)?.names) ?? t(`status.${key}`, { defaultValue: key }),
    type: (key: string) =>
      pick(catalog?.typeDefs?.find((s) => s.key === key)?.names) ?? t(`type.${key}`, { defaultValue: key }),
    category: (key: string) => catalog?.statusDefs?.find((s) => s.key === key)?.category,
  };
}

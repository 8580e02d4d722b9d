import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CustomField, listCustomFields } from '../api/customfields.ts';
import { queryKeys } from '../api/keys.ts';
import { currentLocale } from '../i18n/index.ts';
import { byPosition, customFieldKey, fieldLabel } from './custom-field-values.ts';

/**
 * Custom field definitions the user may know of, in display order. Customers get those shown
 * in the portal; administrators also retired ones (`active: false`).
 */
export function useCustomFields(enabled = true) {
  return useQuery({
    queryKey: queryKeys.customFields,
    queryFn: async () => byPosition((await listCustomFields()).items),
    staleTime: 60_000,
    enabled,
  });
}

/**
 * Labels for field names as the API uses them: ticket fields through `field.<name>`, custom
 * fields (`cf.<key>`) by their label in the user's language.
 */
export function useFieldLabel(fields: CustomField[] | undefined): (name: string) => string {
  const { t } = useTranslation();
  return (name: string) => {
    const key = customFieldKey(name);
    if (key === null) return t(`field.${name}`, { defaultValue: name });
    const field = fields?.find((f) => f.key === key);
    return field ? fieldLabel(field, currentLocale()) : key;
  };
}

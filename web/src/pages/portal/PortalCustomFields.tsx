import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketType } from '../../../../common/domain.ts';
import { isApiError } from '../../api/client.ts';
import type { CustomField, CustomValue } from '../../api/customfields.ts';
import type { Ticket } from '../../api/tickets.ts';
import {
  customFieldName,
  fieldLabel,
  formatCustomValue,
  isEmptyValue,
  localized,
} from '../../app/custom-field-values.ts';
import { useCustomFields } from '../../app/custom-fields.ts';
import { CustomFieldInput } from '../../components/CustomFieldInput.tsx';
import { currentLocale } from '../../i18n/index.ts';

/** The value a new request starts with: what was entered, else the administrators' default. */
export function startValue(field: CustomField, values: Record<string, CustomValue>): CustomValue {
  return field.key in values ? values[field.key] : field.defaultValue;
}

export function isRequiredFor(field: CustomField, type: TicketType | null): boolean {
  return type !== null && field.requiredForTypes.includes(type);
}

/** The filled-in values to send with `POST /tickets`. */
export function customValuesToSend(fields: CustomField[], values: Record<string, CustomValue>) {
  const out: Record<string, CustomValue> = {};
  for (const field of fields) {
    const value = startValue(field, values);
    if (!isEmptyValue(value)) out[field.key] = typeof value === 'string' ? value.trim() : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

interface PortalCustomFieldsProps {
  fields: CustomField[];
  values: Record<string, CustomValue>;
  type: TicketType | null;
  /** Keys found empty but required when the form was sent. */
  missing: ReadonlySet<string>;
  /** The server's refusal; fields it names are marked. */
  error: unknown;
  onChange: (key: string, value: CustomValue) => void;
}

/** The portal-visible custom fields of the new-request form, with labels and help in the user's language. */
export function PortalCustomFields({ fields, values, type, missing, error, onChange }: PortalCustomFieldsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const refused = isApiError(error) ? error.fields : [];
  return (
    <>
      {fields.map((field) => (
        <CustomFieldInput
          key={field.key}
          field={field}
          label={fieldLabel(field, locale)}
          description={localized(field.help, locale) || undefined}
          required={isRequiredFor(field, type)}
          value={startValue(field, values)}
          onChange={(value) => onChange(field.key, value)}
          error={
            missing.has(field.key)
              ? t('common.required')
              : refused.includes(customFieldName(field.key))
                ? t('customFields.invalidValue')
                : undefined
          }
        />
      ))}
    </>
  );
}

/** The request's custom field values, read-only ("label: value"), as far as the customer may see them. */
export function PortalCustomValues({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const values = ticket.customFields ?? {};
  const fields = useCustomFields(Object.keys(values).length > 0).data ?? [];
  const locale = currentLocale();
  const words = { yes: t('common.yes'), no: t('common.no') };
  const shown = fields
    .map((field) => ({ field, text: formatCustomValue(field, values[field.key] ?? null, locale, words) }))
    .filter(({ field, text }) => field.key in values && text !== '');
  if (shown.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('customFields.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {shown.map(({ field, text }) => (
          <Stack key={field.key} gap={0}>
            <Text size="sm" c="dimmed">
              {fieldLabel(field, locale)}
            </Text>
            <Text size="sm" fw={500} className="fd-pre-wrap" data-testid={`custom-value-${field.key}`}>
              {text}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

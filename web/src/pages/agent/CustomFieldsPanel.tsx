import { Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import type { CustomField, CustomValue } from '../../api/customfields.ts';
import { type Ticket, updateTicket } from '../../api/tickets.ts';
import { customFieldName, fieldLabel, formatCustomValue, localized } from '../../app/custom-field-values.ts';
import { useCustomFields } from '../../app/custom-fields.ts';
import { useTicketCacheUpdate } from '../../app/queries.ts';
import { CustomFieldInput } from '../../components/CustomFieldInput.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { ReadOnlyValue } from './TicketFieldsPanel.tsx';
import { useAgents } from './useAgents.ts';

// Picking from a list is a decision; typed values are saved when the input is left.
const SAVE_ON_CHANGE = new Set(['checkbox', 'select', 'multi_select', 'user']);

const sameValue = (a: CustomValue | undefined, b: CustomValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface EditorProps {
  field: CustomField;
  value: CustomValue;
  saving: boolean;
  error?: string;
  userName?: string;
  onSave: (value: CustomValue) => void;
}

/** One editable field: keeps what is typed until it is saved, and follows the ticket afterwards. */
function CustomFieldEditor({ field, value, saving, error, userName, onSave }: EditorProps) {
  const [draft, setDraft] = useState<CustomValue>(value);
  const saved = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: resync only when the saved value changes
  useEffect(() => setDraft(value), [saved]);
  const commit = (next: CustomValue) => {
    if (!sameValue(next, value)) onSave(next === '' ? null : next);
  };
  const locale = currentLocale();
  return (
    <CustomFieldInput
      field={field}
      label={fieldLabel(field, locale)}
      description={localized(field.help, locale) || undefined}
      value={draft}
      onChange={(next) => {
        setDraft(next);
        if (SAVE_ON_CHANGE.has(field.type)) commit(next);
      }}
      onBlur={() => commit(draft)}
      disabled={saving}
      error={error}
      searchUsers
      userName={userName}
    />
  );
}

/**
 * The ticket's custom fields, in the administrators' order. Each follows the actor's field rules
 * (`cf.<key>`): an input when `write`, plain text when `read`, nothing when the server left it out.
 */
export function CustomFieldsPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const definitions = useCustomFields().data ?? [];
  const agents = useAgents().data;
  const updateCache = useTicketCacheUpdate();
  const save = useMutation({
    mutationFn: (input: { key: string; value: CustomValue }) =>
      updateTicket(ticket.id, { customFields: { [input.key]: input.value } }),
    onSuccess: (updated) => {
      updateCache(updated);
      notifications.show({ color: 'green', message: t('agent.saved') });
    },
  });
  const values = ticket.customFields ?? {};
  const shown = definitions.filter((field) => field.active && ticket.abilities.fields[field.name] !== undefined);
  if (shown.length === 0) return null;

  const failed = save.error && save.variables ? customFieldName(save.variables.key) : null;
  const placedError = isApiError(save.error) && failed && save.error.fields.includes(failed);
  const errorFor = (field: CustomField): string | undefined => {
    if (!placedError || failed !== field.name || !isApiError(save.error)) return undefined;
    return save.error.status === 403 ? t('errors.notAllowed') : t('customFields.invalidValue');
  };
  const userName = (id: number) => agents?.find((user) => user.id === id)?.name;
  const locale = currentLocale();

  return (
    <Paper withBorder p="md" component="section" aria-label={t('customFields.title')}>
      <Stack gap="sm">
        <Text fw={600}>{t('customFields.title')}</Text>
        {save.error && !placedError && <ErrorAlert error={save.error} />}
        {shown.map((field) => {
          const value = values[field.key] ?? null;
          if (ticket.abilities.fields[field.name] !== 'write') {
            const text = formatCustomValue(field, value, locale, {
              yes: t('common.yes'),
              no: t('common.no'),
              userName,
            });
            return <ReadOnlyValue key={field.key} label={fieldLabel(field, locale)} value={text} />;
          }
          return (
            <CustomFieldEditor
              key={field.key}
              field={field}
              value={value}
              saving={save.isPending}
              error={errorFor(field)}
              userName={typeof value === 'number' ? userName(value) : undefined}
              onSave={(next) => save.mutate({ key: field.key, value: next })}
            />
          );
        })}
      </Stack>
    </Paper>
  );
}

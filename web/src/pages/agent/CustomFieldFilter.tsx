import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/customfields.ts';
import { customFilterParam, fieldLabel, optionLabel, parseCustomFilter } from '../../app/custom-field-values.ts';
import { currentLocale } from '../../i18n/index.ts';

interface CustomFieldFilterProps {
  fields: CustomField[];
  /** The current filter as `key:value`, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A typed value, applied when the input is left or Enter is pressed. */
function TypedValue({ initial, onApply }: { initial: string; onApply: (value: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(initial), [initial]);
  return (
    <TextInput
      size="xs"
      w={180}
      aria-label={t('customFields.filterValue')}
      placeholder={t('customFields.filterValue')}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => onApply(draft.trim())}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onApply(draft.trim());
      }}
    />
  );
}

/** "Custom field" filter of the queue: choose a field, then the value tickets must have in it. */
export function CustomFieldFilter({ fields, value, onChange }: CustomFieldFilterProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const current = parseCustomFilter(value);
  const [key, setKey] = useState<string | null>(current?.key ?? null);
  const field = fields.find((f) => f.key === key);
  const apply = (next: string | null) => onChange(customFilterParam(key, next || null));

  const valueOptions =
    field?.type === 'checkbox'
      ? [
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]
      : (field?.options ?? []).map((o) => ({ value: o.value, label: optionLabel(field!, o.value, locale) }));
  const chosen = current && current.key === key ? current.value : '';

  return (
    <Group gap="xs" wrap="nowrap" data-testid="custom-field-filter">
      <IconFilter size={16} color="var(--mantine-color-dimmed)" aria-hidden />
      <Select
        size="xs"
        w={180}
        aria-label={t('customFields.filter')}
        placeholder={t('customFields.filter')}
        data={fields.map((f) => ({ value: f.key, label: fieldLabel(f, locale) }))}
        value={key}
        onChange={(next) => {
          setKey(next);
          if (current) onChange(null);
        }}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      {field &&
        (valueOptions.length > 0 ? (
          <Select
            size="xs"
            w={160}
            aria-label={t('customFields.filterValue')}
            placeholder={t('customFields.filterValue')}
            data={valueOptions}
            value={chosen || null}
            onChange={apply}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <TypedValue key={field.key} initial={chosen} onApply={apply} />
        ))}
      {current && (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('customFields.clearFilter')}
          onClick={() => {
            setKey(null);
            onChange(null);
          }}
        >
          <IconX size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField, CustomValue } from '../api/customfields.ts';
import { optionLabel } from '../app/custom-field-values.ts';
import { currentLocale } from '../i18n/index.ts';
import { UserSelect } from './UserSelect.tsx';

export interface CustomFieldInputProps {
  field: CustomField;
  value: CustomValue;
  onChange: (value: CustomValue) => void;
  /** Text-like inputs commit here (the agent card saves on blur). */
  onBlur?: () => void;
  label: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  error?: ReactNode;
  /** Staff may search users; others enter a user's number. */
  searchUsers?: boolean;
  /** Name of the chosen user for user fields, when known. */
  userName?: string;
}

const numberOrNull = (value: string | number): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** One custom field's input, chosen by its type; values are kept in the API's shape. */
export function CustomFieldInput(props: CustomFieldInputProps) {
  const { t } = useTranslation();
  const { field, value, onChange, onBlur, searchUsers, userName, ...common } = props;
  const locale = currentLocale();
  const options = field.options.map((o) => ({ value: o.value, label: optionLabel(field, o.value, locale) }));
  const shared = { ...common, 'data-field': field.name };

  switch (field.type) {
    case 'long_text':
      return (
        <Textarea
          {...shared}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={20_000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          onBlur={onBlur}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...shared}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(numberOrNull(next))}
          onBlur={onBlur}
        />
      );
    case 'date':
      return (
        <TextInput
          {...shared}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || null)}
          onBlur={onBlur}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={common.label}
          description={common.description}
          disabled={common.disabled}
          error={common.error}
          data-field={field.name}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'select':
      return (
        <Select
          {...shared}
          data={options}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next)}
          clearable={!common.required}
          placeholder={t('agent.notSet')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...shared}
          data={options}
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange(next)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'user':
      if (searchUsers) {
        return (
          <UserSelect
            {...common}
            value={typeof value === 'number' ? value : null}
            valueLabel={userName}
            onChange={(next) => onChange(next)}
          />
        );
      }
      return <IdInput {...shared} value={value} onChange={onChange} onBlur={onBlur} />;
    case 'organization':
    case 'asset':
      return <IdInput {...shared} value={value} onChange={onChange} onBlur={onBlur} />;
    default:
      return (
        <TextInput
          {...shared}
          maxLength={500}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          onBlur={onBlur}
        />
      );
  }
}

type IdInputProps = Omit<CustomFieldInputProps, 'field' | 'searchUsers' | 'userName'> & { 'data-field': string };

/** Organizations and assets have no picker yet: their number is entered directly. */
function IdInput({ value, onChange, onBlur, ...props }: IdInputProps) {
  const { t } = useTranslation();
  return (
    <NumberInput
      {...props}
      min={1}
      allowDecimal={false}
      allowNegative={false}
      placeholder={t('customFields.idPlaceholder')}
      value={typeof value === 'number' ? value : ''}
      onChange={(next) => onChange(numberOrNull(next))}
      onBlur={onBlur}
    />
  );
}

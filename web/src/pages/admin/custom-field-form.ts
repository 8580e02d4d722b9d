import {
  type CustomFieldType,
  LOCALES,
  type Locale,
  type TicketStatus,
  type TicketType,
} from '../../../../common/domain.ts';
import type {
  CreateCustomFieldInput,
  CustomField,
  CustomValue,
  LocaleText,
  UpdateCustomFieldInput,
} from '../../api/customfields.ts';

/** The custom field key rule of the API. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const KEY_MAX_LENGTH = 40;

export const hasOptions = (type: CustomFieldType): boolean => type === 'select' || type === 'multi_select';

export interface OptionDraft {
  /** Only for React keys while editing; never sent. */
  uid: string;
  value: string;
  labels: Record<Locale, string>;
}

export interface FieldFormValues {
  key: string;
  type: CustomFieldType;
  labels: Record<Locale, string>;
  help: Record<Locale, string>;
  options: OptionDraft[];
  requiredForTypes: TicketType[];
  requiredForStatuses: TicketStatus[];
  defaultValue: CustomValue;
  portalVisible: boolean;
  position: number;
}

let nextUid = 0;
export const newUid = (): string => `option-${++nextUid}`;

function allLocales(text: LocaleText | undefined): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, text?.[locale] ?? ''])) as Record<Locale, string>;
}

/** Only the filled-in texts, trimmed. */
function filled(text: Record<Locale, string>): LocaleText {
  return Object.fromEntries(
    LOCALES.filter((locale) => text[locale].trim()).map((locale) => [locale, text[locale].trim()]),
  );
}

export function emptyOption(): OptionDraft {
  return { uid: newUid(), value: '', labels: allLocales(undefined) };
}

/** The editor's starting values: an existing field, or a new text field placed after the others. */
export function toFormValues(field: CustomField | null, nextPosition: number): FieldFormValues {
  return {
    key: field?.key ?? '',
    type: field?.type ?? 'text',
    labels: allLocales(field?.labels),
    help: allLocales(field?.help),
    options: (field?.options ?? []).map((o) => ({ uid: newUid(), value: o.value, labels: allLocales(o.labels) })),
    requiredForTypes: field?.requiredForTypes ?? [],
    requiredForStatuses: field?.requiredForStatuses ?? [],
    defaultValue: field?.defaultValue ?? null,
    portalVisible: field?.portalVisible ?? false,
    position: field?.position ?? nextPosition,
  };
}

function emptyValue(value: CustomValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** What `PATCH /custom-fields/:id` gets: everything but key and type. */
export function toUpdateInput(values: FieldFormValues): UpdateCustomFieldInput {
  return {
    labels: filled(values.labels),
    help: filled(values.help),
    ...(hasOptions(values.type) && {
      options: values.options.map((o) => ({ value: o.value.trim(), labels: filled(o.labels) })),
    }),
    requiredForTypes: values.requiredForTypes,
    requiredForStatuses: values.requiredForStatuses,
    defaultValue: emptyValue(values.defaultValue) ? null : values.defaultValue,
    portalVisible: values.portalVisible,
    position: values.position,
  };
}

export function toCreateInput(values: FieldFormValues): CreateCustomFieldInput {
  return { ...toUpdateInput(values), labels: filled(values.labels), key: values.key.trim(), type: values.type };
}

/** A stand-in definition for the default-value input while the field is being edited. */
export function draftField(values: FieldFormValues, field: CustomField | null): CustomField {
  return {
    id: field?.id ?? 0,
    key: values.key || 'new',
    name: `cf.${values.key || 'new'}`,
    type: values.type,
    labels: filled(values.labels),
    help: {},
    options: values.options.filter((o) => o.value.trim()).map((o) => ({ value: o.value.trim(), labels: o.labels })),
    requiredForTypes: values.requiredForTypes,
    requiredForStatuses: values.requiredForStatuses,
    defaultValue: null,
    portalVisible: values.portalVisible,
    position: values.position,
    active: field?.active ?? true,
  };
}

/** Form paths the server's `fields` point at (`cf.<key>` is the default value it refused). */
export function formPathOf(field: string): string {
  if (field.startsWith('cf.') || field === 'defaultValue') return 'defaultValue';
  if (field === 'labels') return 'labels.en';
  return field;
}

/** Problems the form can see before asking the server. */
export function validateOptions(options: OptionDraft[], type: CustomFieldType): 'missing' | 'duplicate' | null {
  if (!hasOptions(type)) return null;
  const values = options.map((o) => o.value.trim());
  if (values.length === 0 || values.some((v) => !v)) return 'missing';
  return new Set(values).size === values.length ? null : 'duplicate';
}

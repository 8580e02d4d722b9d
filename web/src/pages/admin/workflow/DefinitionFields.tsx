import { Divider, NumberInput, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../../common/domain.ts';
import { LANGUAGE_NAMES } from '../../../i18n/index.ts';
import { KEY_MAX_LENGTH, NAME_MAX_LENGTH, type NamesForm, POSITION_MAX } from './names.ts';

/** Statuses or ticket types: the two lists that share the editor's parts. */
export type DefinitionKind = 'statuses' | 'types';

interface KeyFieldProps {
  kind: DefinitionKind;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
}

/** The key of a new entry; it cannot change later, so it is only asked when creating. */
export function KeyField({ kind, value, onChange, error }: KeyFieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('workflowAdmin.key')}
      description={t(`workflowAdmin.${kind}.keyHint`)}
      required
      maxLength={KEY_MAX_LENGTH}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}

interface NameFieldsProps {
  names: NamesForm;
  onChange: (locale: Locale, value: string) => void;
  /** The built-in translation per language, shown while a name is empty; null for custom entries. */
  builtIn: NamesForm | null;
  error?: string | null;
}

/** A name per language; built-in entries may leave them empty and keep the product's translation. */
export function NameFields({ names, onChange, builtIn, error }: NameFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Divider label={t('workflowAdmin.namesTitle')} labelPosition="left" />
      <Text size="xs" c="dimmed" mt={-8}>
        {builtIn ? t('workflowAdmin.namesHintBuiltIn') : t('workflowAdmin.namesHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {LOCALES.map((locale, i) => (
          <TextInput
            key={locale}
            label={LANGUAGE_NAMES[locale]}
            lang={locale}
            maxLength={NAME_MAX_LENGTH}
            placeholder={builtIn?.[locale]}
            value={names[locale]}
            onChange={(event) => onChange(locale, event.currentTarget.value)}
            // The group's error is shown once, under the first input.
            error={i === 0 ? error : error ? true : undefined}
            data-autofocus={i === 0 ? true : undefined}
          />
        ))}
      </SimpleGrid>
    </>
  );
}

interface AvailabilityFieldsProps {
  kind: DefinitionKind;
  active: boolean;
  onActive: (active: boolean) => void;
  position: number | string;
  onPosition: (position: number | string) => void;
  positionError?: string | null;
}

/** Whether the entry can still be chosen, and where it is listed. */
export function AvailabilityFields({
  kind,
  active,
  onActive,
  position,
  onPosition,
  positionError,
}: AvailabilityFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Divider label={t('workflowAdmin.availabilityTitle')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Switch
          label={t('workflowAdmin.active')}
          description={active ? t(`workflowAdmin.${kind}.activeHint`) : t(`workflowAdmin.${kind}.retiredHint`)}
          checked={active}
          onChange={(event) => onActive(event.currentTarget.checked)}
        />
        <NumberInput
          label={t('workflowAdmin.position')}
          description={t('workflowAdmin.positionHint')}
          min={0}
          max={POSITION_MAX}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={position}
          onChange={onPosition}
          error={positionError}
        />
      </SimpleGrid>
    </>
  );
}

import { ActionIcon, Button, Group, Input, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../common/domain.ts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { emptyOption, type OptionDraft } from './custom-field-form.ts';

interface OptionsEditorProps {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  error?: ReactNode;
}

const OTHER_LOCALES = LOCALES.filter((locale) => locale !== 'en');

/** The choices of a select field: a stored value and a label per language, in the order shown. */
export function CustomFieldOptionsEditor({ options, onChange, error }: OptionsEditorProps) {
  const { t } = useTranslation();
  const patch = (index: number, change: Partial<OptionDraft>) =>
    onChange(options.map((option, i) => (i === index ? { ...option, ...change } : option)));
  const setLabel = (index: number, locale: Locale, text: string) =>
    patch(index, { labels: { ...options[index].labels, [locale]: text } });
  const move = (index: number, by: number) => {
    const next = [...options];
    const [option] = next.splice(index, 1);
    next.splice(index + by, 0, option);
    onChange(next);
  };

  return (
    <Input.Wrapper
      label={t('admin.fields.options')}
      description={t('admin.fields.optionsHint')}
      error={error}
      required
      data-testid="field-options"
    >
      <Stack gap="xs" mt={6}>
        {options.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.fields.noOptions')}
          </Text>
        )}
        {options.map((option, index) => {
          const n = index + 1;
          return (
            <Paper key={option.uid} withBorder p="xs" bg="gray.0" aria-label={t('admin.fields.optionN', { n })}>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  size="xs"
                  w={140}
                  label={t('admin.fields.optionValue')}
                  aria-label={t('admin.fields.optionValueN', { n })}
                  value={option.value}
                  onChange={(event) => patch(index, { value: event.currentTarget.value })}
                />
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  label={`${t('admin.fields.optionLabel')} · ${LANGUAGE_NAMES.en}`}
                  aria-label={t('admin.fields.optionLabelN', { n, language: LANGUAGE_NAMES.en })}
                  value={option.labels.en}
                  onChange={(event) => setLabel(index, 'en', event.currentTarget.value)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mb={2}
                  disabled={index === 0}
                  aria-label={t('admin.fields.moveUp', { n })}
                  onClick={() => move(index, -1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mb={2}
                  disabled={index === options.length - 1}
                  aria-label={t('admin.fields.moveDown', { n })}
                  onClick={() => move(index, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={2}
                  aria-label={t('admin.fields.removeOption', { n })}
                  onClick={() => onChange(options.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={6}>
                {OTHER_LOCALES.map((locale) => (
                  <TextInput
                    key={locale}
                    size="xs"
                    placeholder={LANGUAGE_NAMES[locale]}
                    aria-label={t('admin.fields.optionLabelN', { n, language: LANGUAGE_NAMES[locale] })}
                    value={option.labels[locale]}
                    onChange={(event) => setLabel(index, locale, event.currentTarget.value)}
                  />
                ))}
              </SimpleGrid>
            </Paper>
          );
        })}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...options, emptyOption()])}
          >
            {t('admin.fields.addOption')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

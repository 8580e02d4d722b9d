import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldType,
  LOCALES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatus,
  type TicketType,
} from '../../../../common/domain.ts';
import { isApiError } from '../../api/client.ts';
import { type CustomField, createCustomField, updateCustomField } from '../../api/customfields.ts';
import { queryKeys } from '../../api/keys.ts';
import { fieldLabel } from '../../app/custom-field-values.ts';
import { CustomFieldInput } from '../../components/CustomFieldInput.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { CustomFieldOptionsEditor } from './CustomFieldOptionsEditor.tsx';
import {
  draftField,
  emptyOption,
  type FieldFormValues,
  formPathOf,
  hasOptions,
  KEY_MAX_LENGTH,
  KEY_PATTERN,
  toCreateInput,
  toFormValues,
  toUpdateInput,
  validateOptions,
} from './custom-field-form.ts';

/** What the editor does: define a new field, or change an existing one (key and type stay). */
export type FieldEditorTarget = { mode: 'create' } | { mode: 'edit'; field: CustomField };

// Where the server's `fields` point, by form path: the words to name them with.
const PATH_LABELS: Record<string, string> = {
  key: 'admin.fields.key',
  type: 'admin.fields.type',
  'labels.en': 'admin.fields.labels',
  help: 'admin.fields.help',
  options: 'admin.fields.options',
  requiredForTypes: 'admin.fields.requiredForTypes',
  requiredForStatuses: 'admin.fields.requiredForStatuses',
  defaultValue: 'admin.fields.defaultValue',
  portalVisible: 'admin.fields.portalVisible',
  position: 'admin.fields.position',
};

function CustomFieldForm({
  target,
  nextPosition,
  onDone,
}: {
  target: FieldEditorTarget;
  nextPosition: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const field = target.mode === 'edit' ? target.field : null;
  const [optionsTouched, setOptionsTouched] = useState(false);
  const form = useForm<FieldFormValues>({
    initialValues: toFormValues(field, nextPosition),
    validate: {
      key: (value) =>
        field
          ? null
          : !value.trim()
            ? t('common.required')
            : !KEY_PATTERN.test(value.trim()) || value.trim().length > KEY_MAX_LENGTH
              ? t('admin.fields.keyInvalid', { count: KEY_MAX_LENGTH })
              : null,
      labels: { en: (value) => (value.trim() ? null : t('common.required')) },
    },
  });
  const values = form.values;
  const optionsProblem = validateOptions(values.options, values.type);
  const save = useMutation({
    mutationFn: (input: FieldFormValues) =>
      field ? updateCustomField(field.id, toUpdateInput(input)) : createCustomField(toCreateInput(input)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
      void queryClient.invalidateQueries({ queryKey: queryKeys.roleDetails });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      const key = field ? 'admin.fields.saved' : 'admin.fields.created';
      notifications.show({ color: 'green', message: t(key, { name: fieldLabel(saved, currentLocale()) }) });
      onDone();
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      const message = error.code === 'field_key_taken' ? t('errors.field_key_taken') : t('admin.fields.invalid');
      for (const name of error.fields) form.setFieldError(formPathOf(name), message);
    },
  });
  const refused = isApiError(save.error) ? [...new Set(save.error.fields.map(formPathOf))] : [];

  const changeType = (type: CustomFieldType) => {
    form.setFieldValue('type', type);
    form.setFieldValue('defaultValue', null);
    if (hasOptions(type) && values.options.length === 0) form.setFieldValue('options', [emptyOption(), emptyOption()]);
  };
  const submit = form.onSubmit((input) => {
    setOptionsTouched(true);
    if (!validateOptions(input.options, input.type)) save.mutate(input);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error &&
          (refused.length > 0 ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('admin.fields.notSaved')}>
              {t('admin.fields.checkFields', {
                fields: refused.map((path) => t(PATH_LABELS[path] ?? path, { defaultValue: path })).join(', '),
              })}
            </Alert>
          ) : (
            <ErrorAlert error={save.error} title={t('admin.fields.notSaved')} />
          ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.fields.key')}
            description={field ? t('admin.fields.keyFixed') : t('admin.fields.keyHint')}
            required={!field}
            disabled={!!field}
            maxLength={KEY_MAX_LENGTH}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-autofocus
            {...form.getInputProps('key')}
          />
          <Select
            label={t('admin.fields.type')}
            description={field ? t('admin.fields.typeFixed') : t('admin.fields.typeHint')}
            required={!field}
            disabled={!!field}
            allowDeselect={false}
            data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`customFieldType.${type}`) }))}
            value={values.type}
            onChange={(value) => value && changeType(value as CustomFieldType)}
            error={form.errors.type}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Divider label={t('admin.fields.textsTitle')} labelPosition="left" />
        <Text size="xs" c="dimmed" mt={-8}>
          {t('admin.fields.textsHint')}
        </Text>
        {LOCALES.map((locale) => (
          <SimpleGrid key={locale} cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={`${t('admin.fields.label')} · ${LANGUAGE_NAMES[locale]}`}
              required={locale === 'en'}
              maxLength={200}
              {...form.getInputProps(`labels.${locale}`)}
            />
            <TextInput
              label={`${t('admin.fields.helpText')} · ${LANGUAGE_NAMES[locale]}`}
              maxLength={200}
              {...form.getInputProps(`help.${locale}`)}
            />
          </SimpleGrid>
        ))}
        {hasOptions(values.type) && (
          <CustomFieldOptionsEditor
            options={values.options}
            onChange={(options) => form.setFieldValue('options', options)}
            error={
              form.errors.options ??
              (optionsTouched && optionsProblem ? t(`admin.fields.options_${optionsProblem}`) : null)
            }
          />
        )}
        <Divider label={t('admin.fields.behaviourTitle')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('admin.fields.requiredForTypes')}
            description={t('admin.fields.requiredForTypesHint')}
            placeholder={values.requiredForTypes.length ? undefined : t('admin.fields.notRequired')}
            data={TICKET_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
            value={values.requiredForTypes}
            onChange={(value) => form.setFieldValue('requiredForTypes', value as TicketType[])}
            error={form.errors.requiredForTypes}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('admin.fields.requiredForStatuses')}
            description={t('admin.fields.requiredForStatusesHint')}
            placeholder={values.requiredForStatuses.length ? undefined : t('admin.fields.notRequired')}
            data={TICKET_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            value={values.requiredForStatuses}
            onChange={(value) => form.setFieldValue('requiredForStatuses', value as TicketStatus[])}
            error={form.errors.requiredForStatuses}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <CustomFieldInput
          field={draftField(values, field)}
          label={t('admin.fields.defaultValue')}
          description={t('admin.fields.defaultValueHint')}
          value={values.defaultValue}
          onChange={(value) => form.setFieldValue('defaultValue', value)}
          error={form.errors.defaultValue}
          searchUsers
        />
        <Group align="flex-start" justify="space-between" wrap="wrap">
          <Switch
            label={t('admin.fields.portalVisible')}
            description={t('admin.fields.portalVisibleHint')}
            maw={420}
            {...form.getInputProps('portalVisible', { type: 'checkbox' })}
          />
          <NumberInput
            label={t('admin.fields.position')}
            description={t('admin.fields.positionHint')}
            min={0}
            max={10_000}
            allowDecimal={false}
            w={200}
            {...form.getInputProps('position')}
          />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {field ? t('admin.editor.save') : t('admin.fields.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CustomFieldEditorModal({
  target,
  nextPosition,
  onClose,
}: {
  target: FieldEditorTarget | null;
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit'
      ? t('admin.fields.editTitle', { name: fieldLabel(target.field, currentLocale()) })
      : t('admin.fields.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && <CustomFieldForm target={target} nextPosition={nextPosition} onDone={onClose} />}
    </Modal>
  );
}

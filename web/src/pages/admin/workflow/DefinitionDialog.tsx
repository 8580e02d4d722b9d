import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import {
  STATUS_CATEGORIES,
  type StatusCategory,
  saveStatus,
  saveType,
  type WorkflowStatus,
  type WorkflowType,
} from '../../../api/workflow.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { AvailabilityFields, type DefinitionKind, KeyField, NameFields } from './DefinitionFields.tsx';
import { cleanNames, displayName, keyProblem, type NamesForm, namesForm, suggestKey } from './names.ts';
import { useBuiltInNames, useWorkflowChanged } from './useWorkflowAdmin.ts';

/** What the dialog edits: a status or a ticket type, existing or new. */
export interface DefinitionDialogTarget {
  kind: DefinitionKind;
  /** The entry to change; null creates one. */
  entry: WorkflowStatus | WorkflowType | null;
  /** Where a new entry is listed. */
  position: number;
}

interface FormValues {
  key: string;
  names: NamesForm;
  /** Statuses only; ignored for ticket types. */
  category: StatusCategory;
  pauseSla: boolean;
  active: boolean;
  position: number | string;
}

const isStatus = (entry: WorkflowStatus | WorkflowType | null): entry is WorkflowStatus =>
  entry !== null && 'category' in entry;

function save(kind: DefinitionKind, input: FormValues): Promise<void> {
  const common = { names: cleanNames(input.names), active: input.active, position: Number(input.position) };
  return kind === 'statuses'
    ? saveStatus(input.key.trim(), { ...common, category: input.category, pauseSla: input.pauseSla })
    : saveType(input.key.trim(), common);
}

interface DefinitionFormProps {
  target: DefinitionDialogTarget;
  existingKeys: string[];
  onDone: () => void;
}

function DefinitionForm({ target, existingKeys, onDone }: DefinitionFormProps) {
  const { t } = useTranslation();
  const changed = useWorkflowChanged();
  const { kind, entry } = target;
  const status = isStatus(entry) ? entry : null;
  const builtIn = useBuiltInNames(kind === 'statuses' ? 'status' : 'type', entry?.system ? entry.key : null);
  // The key follows the English name until the admin types one of their own.
  const [keyEdited, setKeyEdited] = useState(false);
  const form = useForm<FormValues>({
    initialValues: {
      key: entry?.key ?? '',
      names: namesForm(entry?.names),
      category: status?.category ?? 'open',
      pauseSla: status?.pauseSla ?? false,
      active: entry?.active ?? true,
      position: entry?.position ?? target.position,
    },
    validate: {
      key: (value) => {
        const problem = entry ? null : keyProblem(value, existingKeys);
        return problem ? t(`workflowAdmin.keyProblem.${problem}`) : null;
      },
      names: (value) =>
        !entry?.system && Object.keys(cleanNames(value)).length === 0 ? t('workflowAdmin.nameRequired') : null,
      position: (value) => (value === '' ? t('common.required') : null),
    },
  });
  const values = form.values;
  const mutation = useMutation({
    mutationFn: (input: FormValues) => save(kind, input),
    onSuccess: async (_, input) => {
      await changed();
      const names = cleanNames(input.names);
      const name = displayName({ key: input.key, names }, currentLocale(), builtIn?.[currentLocale()]);
      const done = entry ? 'saved' : 'created';
      notifications.show({ color: 'green', message: t(`workflowAdmin.${kind}.${done}`, { name }) });
      onDone();
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.fields.includes('names')) form.setFieldError('names', t('workflowAdmin.nameRequired'));
      if (error.fields.includes('category')) form.setFieldError('category', t('workflowAdmin.statuses.categoryFixed'));
    },
  });
  const shownOnFields =
    isApiError(mutation.error) && mutation.error.fields.some((f) => f === 'names' || f === 'category');

  const setName = (locale: keyof NamesForm, value: string) => {
    form.setFieldValue(`names.${locale}`, value);
    form.clearFieldError('names');
    if (!entry && !keyEdited && locale === 'en') form.setFieldValue('key', suggestKey(value));
  };

  return (
    <form onSubmit={form.onSubmit((input) => mutation.mutate(input))} noValidate>
      <Stack>
        {mutation.error && !shownOnFields && <ErrorAlert error={mutation.error} title={t('workflowAdmin.notSaved')} />}
        <NameFields names={values.names} onChange={setName} builtIn={builtIn} error={form.errors.names as string} />
        {!entry && (
          <KeyField
            kind={kind}
            value={values.key}
            onChange={(value) => {
              setKeyEdited(true);
              form.setFieldValue('key', value);
            }}
            error={form.errors.key as string}
          />
        )}
        {kind === 'statuses' && (
          <>
            <Divider label={t('workflowAdmin.statuses.behaviourTitle')} labelPosition="left" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Select
                label={t('workflowAdmin.statuses.category')}
                description={
                  entry?.system
                    ? t('workflowAdmin.statuses.categoryFixed')
                    : t(`workflowAdmin.category.${values.category}.hint`)
                }
                data={STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`workflowAdmin.category.${c}.label`) }))}
                allowDeselect={false}
                disabled={entry?.system}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('category')}
              />
              <Switch
                mt={{ base: 0, sm: 'lg' }}
                label={t('workflowAdmin.statuses.pauseSla')}
                description={t('workflowAdmin.statuses.pauseSlaHint')}
                {...form.getInputProps('pauseSla', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </>
        )}
        <AvailabilityFields
          kind={kind}
          active={values.active}
          onActive={(active) => form.setFieldValue('active', active)}
          position={values.position}
          onPosition={(position) => form.setFieldValue('position', position)}
          positionError={form.errors.position as string}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {entry ? t('workflowAdmin.save') : t(`workflowAdmin.${kind}.createSubmit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creates or edits a status or ticket type: names, (category and SLA pause,) retirement, position. */
export function DefinitionModal({
  target,
  existingKeys,
  name,
  onClose,
}: {
  target: DefinitionDialogTarget | null;
  existingKeys: string[];
  /** The edited entry's display name, for the title. */
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kind = target?.kind ?? 'statuses';
  const title = target?.entry ? t(`workflowAdmin.${kind}.editTitle`, { name }) : t(`workflowAdmin.${kind}.createTitle`);
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {target && <DefinitionForm target={target} existingKeys={existingKeys} onDone={onClose} />}
    </Modal>
  );
}

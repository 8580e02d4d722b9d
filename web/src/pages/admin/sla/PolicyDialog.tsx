import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createPolicy, type SlaCalendar, type SlaPolicy, updatePolicy } from '../../../api/sla.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { MAX_NAME_LENGTH } from '../CategoryDialogs.tsx';
import { type PolicyValues, toPolicyInput, toPolicyValues } from './policy-form.ts';
import { TargetsEditor } from './TargetsEditor.tsx';
import { usePolicyForm } from './useEditorForms.ts';
import { fieldErrorsOf, useSlaChanged } from './useSlaAdmin.ts';

/** What the policy dialog does: create a policy, or edit one. */
export type PolicyDialogTarget = { mode: 'create' } | { mode: 'edit'; policy: SlaPolicy };

interface PolicyFormProps {
  target: PolicyDialogTarget;
  calendars: SlaCalendar[];
  onDone: () => void;
}

function PolicyForm({ target, calendars, onDone }: PolicyFormProps) {
  const { t } = useTranslation();
  const changed = useSlaChanged();
  const policy = target.mode === 'edit' ? target.policy : null;
  const form = usePolicyForm(toPolicyValues(policy, calendars[0]?.id ?? null));
  const serverMessages = {
    name: t('common.required'),
    calendarId: t('admin.sla.policies.calendarInvalid'),
    warnAtPercent: t('admin.sla.policies.warnRange'),
    targets: t('admin.sla.policies.targetsInvalid'),
  };
  const save = useMutation({
    mutationFn: async (values: PolicyValues) => {
      const input = toPolicyInput(values);
      if (policy) await updatePolicy(policy.id, input);
      else await createPolicy(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      const key = policy ? 'admin.sla.policies.saved' : 'admin.sla.policies.created';
      notifications.show({ color: 'green', message: t(key, { name }) });
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error, serverMessages)),
  });
  const onField = Object.keys(fieldErrorsOf(save.error, serverMessages)).length > 0;
  const targetsError = form.errors.targets;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.error && !onField && <ErrorAlert error={save.error} />}
        {calendars.length === 0 && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('admin.sla.policies.needCalendar')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.sla.name')}
            required
            data-autofocus
            maxLength={MAX_NAME_LENGTH}
            {...form.getInputProps('name')}
          />
          <Select
            label={t('admin.sla.policies.calendar')}
            description={t('admin.sla.policies.calendarHint')}
            placeholder={t('admin.sla.policies.calendarPlaceholder')}
            data={calendars.map((calendar) => ({
              value: String(calendar.id),
              label: `${calendar.name} · ${calendar.timeZone}`,
            }))}
            required
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('calendarId')}
          />
          <NumberInput
            label={t('admin.sla.policies.warnAt')}
            description={t('admin.sla.policies.warnAtHint')}
            required
            min={1}
            max={100}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            styles={{ wrapper: { maxWidth: 140 } }}
            {...form.getInputProps('warnAtPercent')}
          />
          <Switch
            mt="lg"
            label={t('admin.sla.policies.isDefault')}
            description={t('admin.sla.policies.isDefaultHint')}
            {...form.getInputProps('isDefault', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <TargetsEditor form={form} error={typeof targetsError === 'string' ? targetsError : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={calendars.length === 0}>
            {policy ? t('admin.sla.save') : t('admin.sla.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The policy editor: calendar, warning threshold, default flag and the targets per priority. */
export function PolicyModal({
  target,
  calendars,
  onClose,
}: {
  target: PolicyDialogTarget | null;
  calendars: SlaCalendar[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit'
      ? t('admin.sla.policies.editTitle', { name: target.policy.name })
      : t('admin.sla.policies.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && <PolicyForm target={target} calendars={calendars} onDone={onClose} />}
    </Modal>
  );
}

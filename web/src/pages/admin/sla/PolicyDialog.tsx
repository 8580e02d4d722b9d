import { Alert, NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { createPolicy, type SlaCalendar, type SlaPolicy, updatePolicy } from '../../../api/sla.ts';
import { MAX_NAME_LENGTH } from '../CategoryDialogs.tsx';
import { EditorForm, EditorModal } from './EditorDialog.tsx';
import { toPolicyInput, toPolicyValues } from './policy-form.ts';
import { TargetsEditor } from './TargetsEditor.tsx';
import { usePolicyForm } from './useEditorForms.ts';
import { useEditorSave } from './useEditorSave.ts';

/** What the policy dialog does: create a policy, or edit one. */
export type PolicyDialogTarget = { mode: 'create' } | { mode: 'edit'; policy: SlaPolicy };

interface PolicyFormProps {
  target: PolicyDialogTarget;
  calendars: SlaCalendar[];
  onDone: () => void;
}

function PolicyForm({ target, calendars, onDone }: PolicyFormProps) {
  const { t } = useTranslation();
  const policy = target.mode === 'edit' ? target.policy : null;
  const form = usePolicyForm(toPolicyValues(policy, calendars[0]?.id ?? null));
  const serverMessages = {
    name: t('common.required'),
    calendarId: t('admin.sla.policies.calendarInvalid'),
    warnAtPercent: t('admin.sla.policies.warnRange'),
    targets: t('admin.sla.policies.targetsInvalid'),
  };
  const editor = useEditorSave({
    form,
    editingId: policy?.id ?? null,
    toInput: toPolicyInput,
    create: createPolicy,
    update: updatePolicy,
    toast: { saved: 'admin.sla.policies.saved', created: 'admin.sla.policies.created' },
    serverMessages,
    onDone,
  });
  const targetsError = form.errors.targets;

  return (
    <EditorForm {...editor} submitDisabled={calendars.length === 0}>
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
    </EditorForm>
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
    <EditorModal target={target} title={title} size="xl" onClose={onClose}>
      {(target) => <PolicyForm target={target} calendars={calendars} onDone={onClose} />}
    </EditorModal>
  );
}

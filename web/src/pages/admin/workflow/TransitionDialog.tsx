import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TransitionActor, TransitionRequirement, TransitionRule, WorkflowStatus } from '../../../api/workflow.ts';
import { clashes, expandRule } from './transitions.ts';
import type { useTransitionLabels } from './useTransitionLabels.ts';
import type { WorkflowNamer } from './useWorkflowAdmin.ts';

interface RuleFormValues {
  froms: string[];
  to: string | null;
  by: TransitionActor;
  roles: string[];
  /** `solution` and `comment`. */
  inputs: string[];
  /** `cf.<key>` of fields that must be filled. */
  fields: string[];
}

interface TransitionFormProps {
  rules: readonly TransitionRule[];
  /** The edited rule's index; null adds rules. */
  index: number | null;
  statuses: readonly WorkflowStatus[];
  namer: WorkflowNamer;
  labels: ReturnType<typeof useTransitionLabels>;
  onApply: (replacement: TransitionRule[]) => void;
  onCancel: () => void;
}

function TransitionForm({ rules, index, statuses, namer, labels, onApply, onCancel }: TransitionFormProps) {
  const { t } = useTranslation();
  const rule = index === null ? null : rules[index];
  const form = useForm<RuleFormValues>({
    initialValues: {
      froms: rule ? [rule.from] : [],
      to: rule?.to ?? null,
      by: rule?.by ?? 'agent',
      roles: rule?.roles ?? [],
      inputs: rule?.requires.filter((r) => !r.startsWith('cf.')) ?? [],
      fields: rule?.requires.filter((r) => r.startsWith('cf.')) ?? [],
    },
    validate: {
      froms: (value) => (value.length === 0 ? t('workflowAdmin.transitions.fromRequired') : null),
      to: (value, values) =>
        !value
          ? t('workflowAdmin.transitions.toRequired')
          : values.froms.includes(value)
            ? t('workflowAdmin.transitions.problem.same_status')
            : null,
    },
  });
  const values = form.values;
  const toRules = (input: RuleFormValues): TransitionRule[] =>
    expandRule(input.froms, {
      to: input.to ?? '',
      by: input.by,
      roles: input.roles,
      requires: [...input.inputs, ...input.fields] as TransitionRequirement[],
    });
  const existing = form.isValid() ? clashes(rules, index, toRules(values)) : [];
  const statusLabel = (s: WorkflowStatus) =>
    s.active ? namer.ofStatus(s) : t('workflowAdmin.transitions.retiredOption', { name: namer.ofStatus(s) });
  const fromData = statuses.map((s) => ({ value: s.key, label: statusLabel(s) }));
  const toStatus = statuses.find((s) => s.key === values.to);

  return (
    <form
      onSubmit={form.onSubmit((input) => {
        if (clashes(rules, index, toRules(input)).length === 0) onApply(toRules(input));
      })}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('workflowAdmin.transitions.fromLabel')}
            description={t('workflowAdmin.transitions.fromHint')}
            required
            searchable
            data={fromData}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('froms')}
          />
          <Select
            label={t('workflowAdmin.transitions.toLabel')}
            description={t('workflowAdmin.transitions.toHint')}
            required
            searchable
            allowDeselect={false}
            data={fromData}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('to')}
          />
        </SimpleGrid>
        {toStatus && !toStatus.active && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('workflowAdmin.transitions.retiredTarget')}
          </Alert>
        )}
        <Radio.Group
          label={t('workflowAdmin.transitions.who')}
          value={values.by}
          onChange={(value) => form.setFieldValue('by', value as TransitionActor)}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {(['agent', 'requester'] as const).map((by) => (
              <Radio.Card key={by} value={by} p="sm" radius="md">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <div>
                    <Text size="sm" fw={600}>
                      {t(`workflowAdmin.transitions.by.${by}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`workflowAdmin.transitions.byHint.${by}`)}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <MultiSelect
          label={t('workflowAdmin.transitions.roles')}
          description={t(`workflowAdmin.transitions.rolesHint.${values.by}`)}
          placeholder={values.roles.length ? undefined : t(`workflowAdmin.transitions.anyRole.${values.by}`)}
          data={labels.roleOptions(values.by, values.roles)}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('roles')}
        />
        <Checkbox.Group
          label={t('workflowAdmin.transitions.requires')}
          description={t('workflowAdmin.transitions.requiresHint')}
          {...form.getInputProps('inputs')}
        >
          <Stack gap="xs" mt="xs">
            {(['solution', 'comment'] as const).map((requirement) => (
              <Checkbox
                key={requirement}
                value={requirement}
                label={t(`workflowAdmin.transitions.requirement.${requirement}`)}
                description={t(`workflowAdmin.transitions.requirementHint.${requirement}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <MultiSelect
          label={t('workflowAdmin.transitions.fields')}
          description={t('workflowAdmin.transitions.fieldsHint')}
          placeholder={values.fields.length ? undefined : t('workflowAdmin.transitions.noFields')}
          data={labels.fieldOptions(values.fields)}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('fields')}
        />
        {existing.length > 0 && (
          <Alert color="red" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('workflowAdmin.transitions.alreadyInSet', {
              list: existing.map((r) => `${namer.status(r.from)} → ${namer.status(r.to)}`).join(', '),
            })}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('workflowAdmin.transitions.applyHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={existing.length > 0}>
            {rule ? t('workflowAdmin.transitions.apply') : t('workflowAdmin.transitions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds transitions to the edited set (one per source status), or changes one of them. */
export function TransitionModal({
  opened,
  ...props
}: Omit<TransitionFormProps, 'onCancel'> & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      size="lg"
      title={props.index === null ? t('workflowAdmin.transitions.addTitle') : t('workflowAdmin.transitions.editTitle')}
    >
      {opened && <TransitionForm {...props} onCancel={props.onClose} />}
    </Modal>
  );
}

import { Group, Input, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../../common/domain.ts';
import { TARGET_KINDS, type TargetKind } from './policy-form.ts';
import { formatDuration, fromParts } from './sla-values.ts';
import type { PolicyForm } from './useEditorForms.ts';
import { useDurationUnits } from './useSlaAdmin.ts';

/** One target as hours and minutes, with the total spelled out below ("= 1 d 3 h"). */
function DurationCell({ form, priority, kind }: { form: PolicyForm; priority: TicketPriority; kind: TargetKind }) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const path = `targets.${priority}.${kind}`;
  const minutes = fromParts(form.values.targets[priority][kind]);
  const error = form.errors[path];
  const where = `${t(`priority.${priority}`)} · ${t(`sla.${kind}`)}`;
  // Changing either input clears the error shown for the pair.
  const bind = (part: 'hours' | 'minutes') => {
    const props = form.getInputProps(`${path}.${part}`);
    return {
      ...props,
      error: Boolean(error),
      onChange: (value: number | string) => {
        form.clearFieldError(path);
        props.onChange(value);
      },
    };
  };

  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        <NumberInput
          {...bind('hours')}
          w={92}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          rightSection={
            <Text size="xs" c="dimmed">
              {units.h}
            </Text>
          }
          rightSectionPointerEvents="none"
          aria-label={t('admin.sla.policies.hoursOf', { target: where })}
        />
        <NumberInput
          {...bind('minutes')}
          w={84}
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          rightSection={
            <Text size="xs" c="dimmed">
              {units.min}
            </Text>
          }
          rightSectionPointerEvents="none"
          aria-label={t('admin.sla.policies.minutesOf', { target: where })}
        />
      </Group>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" data-testid={`total-${priority}-${kind}`}>
          {minutes === null ? t('admin.sla.policies.noTarget') : `= ${formatDuration(minutes, units)}`}
        </Text>
      )}
    </Stack>
  );
}

/** First response and resolution targets per priority, in business time on the policy's calendar. */
export function TargetsEditor({ form, error }: { form: PolicyForm; error?: string }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper
      label={t('admin.sla.policies.targets')}
      description={t('admin.sla.policies.targetsHint')}
      error={error}
    >
      <Paper withBorder mt={8}>
        <Table verticalSpacing="xs" aria-label={t('admin.sla.policies.targets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('admin.sla.policies.priority')}</Table.Th>
              {TARGET_KINDS.map((kind) => (
                <Table.Th key={kind}>{t(`sla.${kind}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {TICKET_PRIORITIES.map((priority) => (
              <Table.Tr key={priority}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm" fw={500} mt={6}>
                    {t(`priority.${priority}`)}
                  </Text>
                </Table.Td>
                {TARGET_KINDS.map((kind) => (
                  <Table.Td key={kind}>
                    <DurationCell form={form} priority={priority} kind={kind} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Input.Wrapper>
  );
}

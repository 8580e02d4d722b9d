import { Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarTime, IconGauge, IconPlus, IconStarFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePolicy } from '../../../api/sla.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ConfirmDeleteModal, type DeleteTarget } from './ConfirmDeleteModal.tsx';
import { EditDeleteActions } from './EditDeleteActions.tsx';
import { type PolicyDialogTarget, PolicyModal } from './PolicyDialog.tsx';
import { SkeletonRows } from './SkeletonRows.tsx';
import { useCalendars, usePolicies } from './useSlaAdmin.ts';

/** SLA policies: targets per priority on a business calendar; one may be the default. */
export function PoliciesTab() {
  const { t } = useTranslation();
  const policies = usePolicies();
  const calendars = useCalendars();
  const [dialog, setDialog] = useState<PolicyDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const rows = policies.data ?? [];
  const calendarName = new Map((calendars.data ?? []).map((calendar) => [calendar.id, calendar.name]));
  const error = policies.error ?? calendars.error;

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('admin.sla.policies.intro')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          disabled={calendars.isPending}
          onClick={() => setDialog({ mode: 'create' })}
        >
          {t('admin.sla.policies.create')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.sla.policies.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.sla.name')}</Table.Th>
                <Table.Th w="30%">{t('admin.sla.policies.calendar')}</Table.Th>
                <Table.Th ta="right" w={160}>
                  {t('admin.sla.policies.warnAt')}
                </Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.isPending && <SkeletonRows columns={4} />}
              {rows.map((policy) => (
                <Table.Tr
                  key={policy.id}
                  className="fd-clickable-row"
                  onClick={() => setDialog({ mode: 'edit', policy })}
                  data-testid={`policy-row-${policy.id}`}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconGauge
                        size={16}
                        color="var(--mantine-color-indigo-6)"
                        style={{ flexShrink: 0 }}
                        aria-hidden
                      />
                      <Text size="sm" fw={500}>
                        {policy.name}
                      </Text>
                      {policy.isDefault && (
                        <Badge variant="light" color="teal" leftSection={<IconStarFilled size={10} />}>
                          {t('admin.sla.policies.default')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <IconCalendarTime
                        size={14}
                        color="var(--mantine-color-gray-6)"
                        style={{ flexShrink: 0 }}
                        aria-hidden
                      />
                      <Text size="sm">{calendarName.get(policy.calendarId) ?? `#${policy.calendarId}`}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{t('admin.sla.policies.percent', { percent: policy.warnAtPercent })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteActions
                      name={policy.name}
                      onEdit={() => setDialog({ mode: 'edit', policy })}
                      onDelete={() => setDeleting({ id: policy.id, name: policy.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {policies.data && rows.length === 0 && (
          <EmptyState
            title={t('admin.sla.policies.empty')}
            description={t('admin.sla.policies.emptyHint')}
            icon={<IconGauge size={26} />}
          />
        )}
      </Paper>
      <PolicyModal target={dialog} calendars={calendars.data ?? []} onClose={() => setDialog(null)} />
      <ConfirmDeleteModal
        target={deleting}
        texts="admin.sla.policies"
        remove={deletePolicy}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

import { Badge, Button, Code, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleDot, IconLock, IconPlayerPause, IconPlus, IconTags } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusCategory, WorkflowStatus, WorkflowType } from '../../../api/workflow.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { SkeletonRows } from '../sla/SkeletonRows.tsx';
import { DefinitionActions } from './DefinitionActions.tsx';
import { type DefinitionDialogTarget, DefinitionModal } from './DefinitionDialog.tsx';
import type { DefinitionKind } from './DefinitionFields.tsx';
import { DeleteDefinitionModal, type DeleteDefinitionTarget } from './DeleteDefinitionModal.tsx';
import { nextPosition } from './names.ts';
import { saveActive, useWorkflow, useWorkflowChanged, useWorkflowNamer } from './useWorkflowAdmin.ts';

type Entry = WorkflowStatus | WorkflowType;

/** Badge colours of the status categories, from fresh to finished. */
export const CATEGORY_COLORS: Record<StatusCategory, string> = {
  new: 'blue',
  open: 'indigo',
  pending: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};

function StatusCells({ status }: { status: WorkflowStatus }) {
  const { t } = useTranslation();
  const final = status.category === 'resolved' || status.category === 'closed';
  return (
    <>
      <Table.Td>
        <Badge variant="light" color={CATEGORY_COLORS[status.category]} tt="none" fw={500}>
          {t(`workflowAdmin.category.${status.category}.label`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {status.pauseSla ? (
          <Badge variant="light" color="orange" leftSection={<IconPlayerPause size={12} />} tt="none" fw={500}>
            {t('workflowAdmin.statuses.pauses')}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {final ? t('workflowAdmin.statuses.stoppedByCategory') : '—'}
          </Text>
        )}
      </Table.Td>
    </>
  );
}

/** Statuses or ticket types: a list in display order with built-in and retired entries marked. */
export function DefinitionsTab({ kind }: { kind: DefinitionKind }) {
  const { t } = useTranslation();
  const workflow = useWorkflow();
  const namer = useWorkflowNamer(workflow.data);
  const changed = useWorkflowChanged();
  const [dialog, setDialog] = useState<DefinitionDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteDefinitionTarget | null>(null);
  const entries: Entry[] = (kind === 'statuses' ? workflow.data?.statuses : workflow.data?.types) ?? [];
  const nameOf = (entry: Entry) => ('category' in entry ? namer.ofStatus(entry) : namer.ofType(entry));
  const isStatuses = kind === 'statuses';
  const columns = isStatuses ? 6 : 4;
  const retire = async (key: string, active = false) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) await saveActive(entry, active);
    await changed();
  };
  const setActive = useMutation({
    mutationFn: ({ entry, active }: { entry: Entry; active: boolean }) => retire(entry.key, active),
    onSuccess: (_, { entry, active }) => {
      const done = active ? 'reactivated' : 'retired';
      notifications.show({ color: 'green', message: t(`workflowAdmin.${kind}.${done}`, { name: nameOf(entry) }) });
    },
  });
  const edit = (entry: Entry) => setDialog({ kind, entry, position: entry.position });
  const error = workflow.error ?? setActive.error;

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={680}>
          {t(`workflowAdmin.${kind}.intro`)}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          disabled={!workflow.data}
          onClick={() => setDialog({ kind, entry: null, position: nextPosition(entries) })}
        >
          {t(`workflowAdmin.${kind}.create`)}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={isStatuses ? 820 : 560}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t(`workflowAdmin.${kind}.title`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workflowAdmin.name')}</Table.Th>
                <Table.Th>{t('workflowAdmin.key')}</Table.Th>
                {isStatuses && <Table.Th>{t('workflowAdmin.statuses.category')}</Table.Th>}
                {isStatuses && <Table.Th>{t('workflowAdmin.statuses.slaColumn')}</Table.Th>}
                <Table.Th ta="right" w={100}>
                  {t('workflowAdmin.position')}
                </Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('workflowAdmin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workflow.isPending && <SkeletonRows columns={columns} rows={5} />}
              {entries.map((entry) => (
                <Table.Tr
                  key={entry.key}
                  className="fd-clickable-row"
                  onClick={() => edit(entry)}
                  data-testid={`${kind}-row-${entry.key}`}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500} c={entry.active ? undefined : 'dimmed'}>
                        {nameOf(entry)}
                      </Text>
                      {entry.system && (
                        <Badge
                          variant="outline"
                          color="gray"
                          size="sm"
                          leftSection={<IconLock size={10} />}
                          tt="none"
                          fw={500}
                        >
                          {t('workflowAdmin.builtIn')}
                        </Badge>
                      )}
                      {!entry.active && (
                        <Badge variant="light" color="gray" size="sm" tt="none" fw={500}>
                          {t('workflowAdmin.retiredBadge')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Code>{entry.key}</Code>
                  </Table.Td>
                  {'category' in entry && <StatusCells status={entry} />}
                  <Table.Td ta="right">
                    <Text size="sm">{entry.position}</Text>
                  </Table.Td>
                  <Table.Td>
                    <DefinitionActions
                      name={nameOf(entry)}
                      active={entry.active}
                      canRetire={!(isStatuses && entry.system)}
                      onEdit={() => edit(entry)}
                      onActive={(active) => setActive.mutate({ entry, active })}
                      onDelete={() =>
                        setDeleting({ key: entry.key, name: nameOf(entry), system: entry.system, active: entry.active })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {workflow.data && entries.length === 0 && (
          <EmptyState
            title={t(`workflowAdmin.${kind}.empty`)}
            description={t(`workflowAdmin.${kind}.emptyHint`)}
            icon={isStatuses ? <IconCircleDot size={26} /> : <IconTags size={26} />}
          />
        )}
      </Paper>
      <DefinitionModal
        target={dialog}
        existingKeys={entries.map((e) => e.key)}
        name={dialog?.entry ? nameOf(dialog.entry) : ''}
        onClose={() => setDialog(null)}
      />
      <DeleteDefinitionModal kind={kind} target={deleting} retire={retire} onClose={() => setDeleting(null)} />
    </>
  );
}

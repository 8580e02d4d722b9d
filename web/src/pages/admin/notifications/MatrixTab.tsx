import { Alert, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconBell, IconCheck, IconLock, IconMail, IconMinus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  RECIPIENT_ROLES,
} from '../../../../../common/notifications.ts';
import { listRules, notifyKeys } from '../../../api/notifications.ts';
import { useNotifyNames } from '../../../app/notify-names.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { CellButton } from './CellButton.tsx';
import { EventCell } from './EventCell.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { type MatrixScope, matrixCell } from './matrix.ts';
import { ScopeFilters } from './ScopeFilters.tsx';
import { type CellChange, useRuleCells } from './useRuleCells.ts';

const CHANNEL_ICON = { email: IconMail, in_app: IconBell } as const satisfies Record<NotificationChannel, unknown>;

const INITIAL: MatrixScope = { level: 'workflow', ticketType: null, serviceId: null, categoryId: null, statusTo: null };

/** Levels 1 and 2 as a matrix: events down, recipient roles × channels across. */
export function MatrixTab() {
  const { t } = useTranslation();
  const names = useNotifyNames();
  const [scope, setScope] = useState<MatrixScope>(INITIAL);
  const rules = useQuery({ queryKey: notifyKeys.rules({}), queryFn: () => listRules({}) });
  const save = useRuleCells();
  const pendingKey = save.isPending ? key(save.variables) : null;

  return (
    <Stack gap="md">
      <ScopeFilters scope={scope} onChange={setScope} />
      <Legend />
      {rules.error && <ErrorAlert error={rules.error} />}
      {save.error && <FieldErrors error={save.error} title={t('notify.notSaved')} onClose={() => save.reset()} />}
      {scope.level === 'service' && scope.serviceId === null ? (
        <Alert color="gray">{t('notify.scope.noServices')}</Alert>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={1080}>
            <Table striped highlightOnHover withColumnBorders verticalSpacing={4} aria-label={t('notify.matrix.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2} w={280}>
                    {t('notify.matrix.event')}
                  </Table.Th>
                  {RECIPIENT_ROLES.map((role) => (
                    <Table.Th key={role} colSpan={2} ta="center">
                      {names.role(role)}
                    </Table.Th>
                  ))}
                </Table.Tr>
                <Table.Tr>
                  {RECIPIENT_ROLES.flatMap((role) =>
                    NOTIFICATION_CHANNELS.map((channel) => {
                      const Icon = CHANNEL_ICON[channel];
                      return (
                        <Table.Th key={`${role}-${channel}`} ta="center" title={names.channel(channel)}>
                          <Icon size={16} aria-label={names.channel(channel)} />
                        </Table.Th>
                      );
                    }),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_EVENTS.map((event) => (
                  <Table.Tr key={event}>
                    <EventCell event={event} />
                    {RECIPIENT_ROLES.flatMap((role) =>
                      NOTIFICATION_CHANNELS.map((channel) => {
                        const cellKey = `${event}|${role}|${channel}`;
                        return (
                          <Table.Td key={cellKey} ta="center">
                            {rules.isPending ? (
                              <Skeleton h={28} w={28} mx="auto" />
                            ) : (
                              <CellButton
                                cell={matrixCell(rules.data ?? [], scope, event, role, channel)}
                                label={`${names.event(event)}, ${names.role(role)}, ${names.channel(channel)}`}
                                busy={pendingKey === cellKey}
                                onAction={(action) =>
                                  save.mutate({
                                    scope,
                                    event,
                                    role,
                                    channel,
                                    cell: matrixCell(rules.data ?? [], scope, event, role, channel),
                                    action,
                                  })
                                }
                              />
                            )}
                          </Table.Td>
                        );
                      }),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function key(change: CellChange | undefined): string | null {
  return change ? `${change.event}|${change.role}|${change.channel}` : null;
}

/** What the cell symbols mean. */
function Legend() {
  const { t } = useTranslation();
  const items = [
    { icon: <IconCheck size={14} color="var(--mantine-color-teal-6)" />, text: t('notify.legend.on') },
    { icon: <IconX size={14} color="var(--mantine-color-red-6)" />, text: t('notify.legend.off') },
    { icon: <IconMinus size={14} />, text: t('notify.legend.unset') },
    { icon: <IconLock size={14} />, text: t('notify.legend.locked') },
  ];
  return (
    <Group gap="lg" wrap="wrap">
      {items.map((item) => (
        <Group key={item.text} gap={4} wrap="nowrap">
          {item.icon}
          <Text size="xs" c="dimmed">
            {item.text}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

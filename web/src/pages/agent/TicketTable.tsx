import { Anchor, Button, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Ticket, TicketListParams } from '../../api/tickets.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { useTicketList } from '../../app/queries.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PriorityBadge, StatusBadge } from '../../components/TicketBadges.tsx';

interface TicketTableProps {
  params: Omit<TicketListParams, 'cursor'>;
  emptyTitle: string;
  emptyText?: string;
  label: string;
}

function TicketTableRow({ ticket }: { ticket: Ticket }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const to = `/agent/tickets/${ticket.id}`;
  return (
    <Table.Tr className="fd-clickable-row" onClick={() => void navigate(to)}>
      <Table.Td>
        <Text size="sm" c="dimmed" ff="monospace">
          #{ticket.number}
        </Text>
      </Table.Td>
      <Table.Td maw={420}>
        {/* A real link keeps keyboard and middle-click working; the row click is a shortcut. */}
        <Anchor component={Link} to={to} size="sm" fw={500} c="var(--mantine-color-text)" lineClamp={1}>
          {ticket.subject}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate maw={180}>
          {ticket.requester?.name ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={ticket.status} />
      </Table.Td>
      <Table.Td>{ticket.priority && <PriorityBadge priority={ticket.priority} />}</Table.Td>
      <Table.Td>
        <Text size="sm" c={ticket.owner ? undefined : 'dimmed'} truncate maw={160}>
          {ticket.owner?.name ?? t('agent.nobody')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" title={formatDateTime(ticket.updatedAt)} style={{ whiteSpace: 'nowrap' }}>
          {formatRelative(ticket.updatedAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The dense, cursor-paged ticket list used by queues and search. */
export function TicketTable({ params, emptyTitle, emptyText, label }: TicketTableProps) {
  const { t } = useTranslation();
  const list = useTicketList(params);
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={820}>
        <Table highlightOnHover verticalSpacing={6} aria-label={label} aria-busy={list.isPending}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('field.number')}</Table.Th>
              <Table.Th>{t('field.subject')}</Table.Th>
              <Table.Th>{t('field.requesterId')}</Table.Th>
              <Table.Th>{t('field.status')}</Table.Th>
              <Table.Th>{t('field.priority')}</Table.Th>
              <Table.Th>{t('field.ownerId')}</Table.Th>
              <Table.Th>{t('field.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.isPending &&
              [0, 1, 2, 3, 4].map((i) => (
                <Table.Tr key={i}>
                  <Table.Td colSpan={7}>
                    <Skeleton h={22} />
                  </Table.Td>
                </Table.Tr>
              ))}
            {tickets.map((ticket) => (
              <TicketTableRow key={ticket.id} ticket={ticket} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!list.isPending && tickets.length === 0 && <EmptyState title={emptyTitle} description={emptyText} />}
      {list.hasNextPage && (
        <Group justify="center" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Ticket, TicketListParams } from '../../api/tickets.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { useTicketList } from '../../app/queries.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { headlineTarget, SlaBadge } from '../../components/SlaBadge.tsx';
import { PriorityBadge, StatusBadge } from '../../components/TicketBadges.tsx';

/** Columns that show a ticket field governed by field rules. */
type FieldColumn = 'subject' | 'requesterId' | 'priority' | 'ownerId' | 'sla';
type VisibleColumns = Record<FieldColumn, boolean>;

/**
 * A field column is shown only when at least one listed ticket lets the actor read that field;
 * before anything is loaded all columns are shown, so the skeleton has its usual shape.
 */
function visibleColumns(tickets: Ticket[]): VisibleColumns {
  const shown = (field: FieldColumn) =>
    tickets.length === 0 || tickets.some((ticket) => ticket.abilities.fields[field] !== undefined);
  return {
    subject: shown('subject'),
    requesterId: shown('requesterId'),
    priority: shown('priority'),
    ownerId: shown('ownerId'),
    sla: tickets.some((ticket) => ticket.sla !== undefined),
  };
}

/** Badges keep their full text; the subject column gives way instead. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

interface TicketTableProps {
  params: Omit<TicketListParams, 'cursor'>;
  emptyTitle: string;
  emptyText?: string;
  label: string;
}

function TicketTableRow({ ticket, columns }: { ticket: Ticket; columns: VisibleColumns }) {
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
      {columns.subject && (
        <Table.Td maw={420}>
          {/* A real link keeps keyboard and middle-click working; the row click is a shortcut. */}
          <Anchor component={Link} to={to} size="sm" fw={500} c="var(--mantine-color-text)" lineClamp={1}>
            {ticket.subject ?? t('agent.openTicket', { number: ticket.number })}
          </Anchor>
        </Table.Td>
      )}
      {columns.requesterId && (
        <Table.Td>
          <Text size="sm" truncate maw={180}>
            {ticket.requester?.name ?? ''}
          </Text>
        </Table.Td>
      )}
      <Table.Td style={NO_WRAP}>
        <StatusBadge status={ticket.status} />
      </Table.Td>
      {columns.priority && (
        <Table.Td style={NO_WRAP}>{ticket.priority && <PriorityBadge priority={ticket.priority} />}</Table.Td>
      )}
      {columns.ownerId && (
        <Table.Td>
          {'ownerId' in ticket && (
            <Text size="sm" c={ticket.owner ? undefined : 'dimmed'} truncate maw={160}>
              {ticket.owner?.name ?? t('agent.nobody')}
            </Text>
          )}
        </Table.Td>
      )}
      {columns.sla && (
        <Table.Td style={NO_WRAP}>{ticket.sla && <SlaBadge target={headlineTarget(ticket.sla)} />}</Table.Td>
      )}
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
  const columns = visibleColumns(tickets);
  const columnCount = 3 + Object.values(columns).filter(Boolean).length;

  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={960}>
        <Table highlightOnHover verticalSpacing={6} aria-label={label} aria-busy={list.isPending}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('field.number')}</Table.Th>
              {columns.subject && <Table.Th>{t('field.subject')}</Table.Th>}
              {columns.requesterId && <Table.Th>{t('field.requesterId')}</Table.Th>}
              <Table.Th>{t('field.status')}</Table.Th>
              {columns.priority && <Table.Th>{t('field.priority')}</Table.Th>}
              {columns.ownerId && <Table.Th>{t('field.ownerId')}</Table.Th>}
              {columns.sla && <Table.Th>{t('sla.due')}</Table.Th>}
              <Table.Th>{t('field.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.isPending &&
              [0, 1, 2, 3, 4].map((i) => (
                <Table.Tr key={i}>
                  <Table.Td colSpan={columnCount}>
                    <Skeleton h={22} />
                  </Table.Td>
                </Table.Tr>
              ))}
            {tickets.map((ticket) => (
              <TicketTableRow key={ticket.id} ticket={ticket} columns={columns} />
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

import { Button, Container, Group, Paper, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconBook, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../api/tickets.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { useTicketList } from '../../app/queries.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { StatusBadge } from '../../components/TicketBadges.tsx';
import { EmailConfirmationBanner } from './EmailConfirmationBanner.tsx';

function TicketRow({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      component={Link}
      to={`/portal/tickets/${ticket.id}`}
      aria-label={`#${ticket.number} ${ticket.subject ?? ''}`}
      style={{ display: 'block' }}
    >
      <Paper withBorder p="md" className="fd-hover-card">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" ff="monospace">
                #{ticket.number}
              </Text>
              <Text fw={600} truncate>
                {ticket.subject}
              </Text>
            </Group>
            <Group gap="sm">
              <StatusBadge status={ticket.status} />
              <Text size="xs" c="dimmed" title={formatDateTime(ticket.updatedAt)}>
                {t('portal.updated', { when: formatRelative(ticket.updatedAt) })}
              </Text>
            </Group>
          </Stack>
          <IconChevronRight size={18} color="var(--mantine-color-gray-5)" aria-hidden />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/** The customer's own requests, newest activity first. */
export default function PortalTicketsPage() {
  const { t } = useTranslation();
  // No `sort`: the server's default order is newest activity first.
  const list = useTicketList({});
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];
  const newButton = (
    <Button component={Link} to="/portal/new" leftSection={<IconPlus size={16} />}>
      {t('portal.newRequest')}
    </Button>
  );

  return (
    <Container size="md" px={0}>
      <EmailConfirmationBanner />
      <Group justify="space-between" mb="lg">
        <Title order={1} size="h2">
          {t('portal.myRequests')}
        </Title>
        <Group gap="xs">
          <Button component={Link} to="/portal/kb" variant="default" leftSection={<IconBook size={16} />}>
            {t('kb.portal.title')}
          </Button>
          {newButton}
        </Group>
      </Group>
      {list.error && <ErrorAlert error={list.error} mb="md" />}
      {list.isPending ? (
        <Stack>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={72} />
          ))}
        </Stack>
      ) : tickets.length === 0 && !list.error ? (
        <Paper withBorder>
          <EmptyState title={t('portal.emptyTitle')} description={t('portal.emptyText')} action={newButton} />
        </Paper>
      ) : (
        <Stack gap="sm" component="ul" aria-label={t('portal.myRequests')} style={{ listStyle: 'none', padding: 0 }}>
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <TicketRow ticket={ticket} />
            </li>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Container>
  );
}

import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketLink } from '../../api/tickets.ts';
import { linkKindKeys } from '../../app/mail-labels.ts';
import { useTicketLinks } from '../../app/queries.ts';
import { StatusBadge } from '../../components/TicketBadges.tsx';

/** "Follow-up of · closed ticket": how this ticket relates to the linked one. */
function useLinkLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => {
    const keys = linkKindKeys(kind);
    const direction = keys.direction ? t(keys.direction) : kind.split(':')[0];
    return keys.reason ? t('ticketMail.linkWithReason', { direction, reason: t(keys.reason) }) : direction;
  };
}

function LinkedTicket({ link }: { link: TicketLink }) {
  const label = useLinkLabel();
  return (
    <Stack gap={2} data-testid={`ticket-link-${link.ticketId}`}>
      <Text size="xs" c="dimmed">
        {label(link.kind)}
      </Text>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/agent/tickets/${link.ticketId}`} size="sm" lineClamp={2}>
          #{link.number} {link.subject ?? ''}
        </Anchor>
        <StatusBadge status={link.status} size="sm" variant="light" style={{ flexShrink: 0 }} />
      </Group>
    </Stack>
  );
}

/** Tickets linked to this one (follow-ups of closed tickets, mail from unverified senders); hidden when none. */
export function LinkedTicketsPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const links = useTicketLinks(ticketId).data ?? [];
  if (links.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('ticketMail.linkedTitle')} data-testid="links-panel">
      <Stack gap="sm">
        <Group gap={6}>
          <IconLink size={16} aria-hidden />
          <Text fw={600}>{t('ticketMail.linkedTitle')}</Text>
        </Group>
        {links.map((link) => (
          <LinkedTicket key={`${link.ticketId}-${link.kind}`} link={link} />
        ))}
      </Stack>
    </Paper>
  );
}

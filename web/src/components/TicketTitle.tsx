import { Anchor, Group, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Ticket } from '../api/tickets.ts';
import { StatusBadge } from './TicketBadges.tsx';

interface TicketTitleProps {
  ticket: Ticket;
  backTo: string;
  backLabel: string;
  children?: ReactNode;
}

/** Back link, then "#number subject" with the status badge; `children` adds a meta line. */
export function TicketTitle({ ticket, backTo, backLabel, children }: TicketTitleProps) {
  return (
    <div>
      <Anchor component={Link} to={backTo} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} /> {backLabel}
        </Group>
      </Anchor>
      <Group gap="sm" mt="xs" align="center" wrap="wrap">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          <Text span inherit c="dimmed" ff="monospace" mr={8} data-testid="ticket-number">
            #{ticket.number}
          </Text>
          {ticket.subject}
        </Title>
        <StatusBadge status={ticket.status} size="lg" data-testid="ticket-status" />
      </Group>
      {children}
    </div>
  );
}

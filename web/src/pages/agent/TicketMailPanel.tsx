import { Alert, Button, Divider, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconMail, IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDelivery } from '../../api/tickets.ts';
import { formatDateTime } from '../../app/format.ts';
import { templateKey } from '../../app/mail-labels.ts';
import { useTicketMail } from '../../app/queries.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MailStatusBadge } from '../../components/MailStatusBadge.tsx';

/** Deliveries listed before "Show all". */
const FIRST_DELIVERIES = 5;

function Delivery({ delivery }: { delivery: TicketDelivery }) {
  const { t } = useTranslation();
  const template = templateKey(delivery.template);
  return (
    <Stack gap={2} data-testid={`delivery-${delivery.id}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500} lineClamp={1} title={delivery.subject}>
          {template ? t(template) : delivery.template}
        </Text>
        <MailStatusBadge of="outbound" status={delivery.status} size="sm" style={{ flexShrink: 0 }} />
      </Group>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('ticketMail.deliveryTo', { to: [delivery.to, ...delivery.cc].join(', ') })} ·{' '}
        {formatDateTime(delivery.sentAt ?? delivery.createdAt)}
      </Text>
      {delivery.status === 'failed' && delivery.lastError && (
        <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
          {delivery.lastError}
        </Text>
      )}
    </Stack>
  );
}

/** The ticket's mail: who is copied, which addresses bounce, and what was sent with its delivery state. */
export function TicketMailPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const mail = useTicketMail(ticketId);
  const [all, setAll] = useState(false);
  const deliveries = mail.data?.deliveries ?? [];
  const shown = all ? deliveries : deliveries.slice(0, FIRST_DELIVERIES);

  return (
    <Paper withBorder p="md" component="section" aria-label={t('ticketMail.title')} data-testid="mail-panel">
      <Stack gap="sm">
        <Group gap={6}>
          <IconMail size={16} aria-hidden />
          <Text fw={600}>{t('ticketMail.title')}</Text>
        </Group>
        {mail.error && <ErrorAlert error={mail.error} />}
        {mail.isPending && <Skeleton h={60} />}
        {mail.data && (
          <>
            <div>
              <Text size="sm" c="dimmed">
                {t('ticketMail.cc')}
              </Text>
              {mail.data.cc.length > 0 ? (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="ticket-cc">
                  {mail.data.cc.join(', ')}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('ticketMail.noCc')}
                </Text>
              )}
            </div>
            {mail.data.bouncing.map((bounce) => (
              <Alert
                key={bounce.email}
                color="red"
                variant="light"
                p="xs"
                icon={<IconMailOff size={16} />}
                title={t('ticketMail.bouncing', { email: bounce.email })}
              >
                <Text size="xs">{bounce.reason ?? t('ticketMail.bounceNoReason')}</Text>
                {bounce.lastBounceAt && (
                  <Text size="xs" c="dimmed">
                    {t('ticketMail.lastBounce', { when: formatDateTime(bounce.lastBounceAt) })}
                  </Text>
                )}
              </Alert>
            ))}
            <Divider />
            <Text size="sm" c="dimmed">
              {t('ticketMail.deliveries')}
            </Text>
            {deliveries.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('ticketMail.noDeliveries')}
              </Text>
            )}
            {shown.map((delivery) => (
              <Delivery key={delivery.id} delivery={delivery} />
            ))}
            {deliveries.length > FIRST_DELIVERIES && (
              <Button variant="subtle" size="compact-xs" onClick={() => setAll(!all)} aria-expanded={all}>
                {all ? t('ticketMail.showFewer') : t('ticketMail.showAll', { count: deliveries.length })}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

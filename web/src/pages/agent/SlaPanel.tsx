import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets.ts';
import { formatDateTime } from '../../app/format.ts';
import { SlaBadge } from '../../components/SlaBadge.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

/** The ticket's service level and hand-overs: SLA targets, time to second line, the vendor's deadline. */
export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { sla, vendor } = ticket;
  if (!sla && !vendor && !ticket.secondLineAt) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('sla.title')} data-testid="sla-panel">
      <Stack gap="xs">
        <Text fw={600}>{t('sla.title')}</Text>
        {sla && (
          <>
            <Row label={t('sla.policy')}>
              <Text size="sm">{sla.policyName ?? t('sla.state.none')}</Text>
            </Row>
            <Row label={t('sla.firstResponse')}>
              <SlaBadge target={sla.firstResponse} />
            </Row>
            <Row label={t('sla.resolution')}>
              <SlaBadge target={sla.resolution} />
            </Row>
            {sla.resolution.dueAt && sla.resolution.state !== 'met' && sla.resolution.state !== 'paused' && (
              <Row label={t('sla.due')}>
                <Text size="sm">{formatDateTime(sla.resolution.dueAt)}</Text>
              </Row>
            )}
          </>
        )}
        {ticket.secondLineAt && (
          <Row label={t('escalation.secondLineAt')}>
            <Text size="sm">{formatDateTime(ticket.secondLineAt)}</Text>
          </Row>
        )}
        {vendor && (
          <Stack gap={4} mt={4} data-testid="vendor-panel">
            <Text fw={600} size="sm">
              {t('field.vendor')}
            </Text>
            <Row label={t('escalation.vendorName')}>
              <Text size="sm">{vendor.name}</Text>
            </Row>
            {vendor.reference && (
              <Row label={t('escalation.reference')}>
                <Text size="sm" ff="monospace">
                  {vendor.reference}
                </Text>
              </Row>
            )}
            {vendor.escalatedAt && (
              <Row label={t('escalation.escalatedAt')}>
                <Text size="sm">{formatDateTime(vendor.escalatedAt)}</Text>
              </Row>
            )}
            {vendor.dueAt && (
              <Row label={t('escalation.vendorDue')}>
                <Text size="sm">{formatDateTime(vendor.dueAt)}</Text>
              </Row>
            )}
            {vendor.laterThanCustomerDue && (
              <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="vendor-late">
                <Text size="sm">{t('escalation.vendorLate')}</Text>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

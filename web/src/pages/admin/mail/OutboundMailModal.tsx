import { Anchor, Badge, Button, Code, Group, Modal, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCode, IconFileText, IconMail, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchOutboundMail, mailKeys, type OutboundMailDetail, resendOutboundMail } from '../../../api/mail.ts';
import { formatDateTime } from '../../../app/format.ts';
import { templateKey } from '../../../app/mail-labels.ts';
import { ErrorAlert, useErrorMessage } from '../../../components/ErrorAlert.tsx';
import { MailStatusBadge } from '../../../components/MailStatusBadge.tsx';
import { useMailChanged } from './useMailAdmin.ts';

function Header({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={130} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        {name}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

const none = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

/** Statuses the server lets an admin send again. */
const RESENDABLE = new Set(['failed', 'suppressed', 'bounced']);

function MailView({ mail }: { mail: OutboundMailDetail }) {
  const { t } = useTranslation();
  const template = templateKey(mail.template);
  const changed = useMailChanged();
  const errorMessage = useErrorMessage();
  const resend = useMutation({
    mutationFn: () => resendOutboundMail(mail.id),
    onSuccess: () => {
      changed();
      notifications.show({ color: 'green', message: t('mailAdmin.outbound.resent') });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('mailAdmin.outbound.notResent'), message: errorMessage(error) }),
  });
  return (
    <Stack>
      <Group gap="xs">
        <MailStatusBadge of="outbound" status={mail.status} />
        <Badge variant="outline" color="gray" tt="none" fw={500}>
          {template ? t(template) : mail.template}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('mailAdmin.outbound.createdAt', { when: formatDateTime(mail.createdAt) })}
          {mail.sentAt && ` · ${t('mailAdmin.outbound.sentAt', { when: formatDateTime(mail.sentAt) })}`}
        </Text>
        {mail.ticketId && (
          <Anchor component={Link} to={`/agent/tickets/${mail.ticketId}`} size="sm" ml="auto">
            {t('mailAdmin.inbound.openTicket')}
          </Anchor>
        )}
      </Group>
      {(mail.lastError || RESENDABLE.has(mail.status)) && (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
            {mail.lastError}
          </Text>
          {RESENDABLE.has(mail.status) && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconSend size={14} />}
              loading={resend.isPending}
              onClick={() => resend.mutate()}
            >
              {t('mailAdmin.outbound.resend')}
            </Button>
          )}
        </Group>
      )}
      <Table withTableBorder verticalSpacing={6} fz="sm" aria-label={t('mailAdmin.outbound.headers')}>
        <Table.Tbody>
          <Header name={t('mailAdmin.header.to')}>{mail.to}</Header>
          <Header name={t('mailAdmin.header.cc')}>{mail.cc.length > 0 ? mail.cc.join(', ') : none}</Header>
          <Header name={t('mailAdmin.header.subject')}>
            <Text span size="sm" fw={600} data-testid="outbound-subject">
              {mail.subject}
            </Text>
          </Header>
          <Header name={t('mailAdmin.header.messageId')}>
            <Code>{mail.messageId}</Code>
          </Header>
          <Header name={t('mailAdmin.header.inReplyTo')}>
            {mail.inReplyTo ? <Code>{mail.inReplyTo}</Code> : none}
          </Header>
          <Header name={t('mailAdmin.header.references')}>
            {mail.references.length > 0 ? (
              <Stack gap={2}>
                {mail.references.map((ref) => (
                  <Code key={ref}>{ref}</Code>
                ))}
              </Stack>
            ) : (
              none
            )}
          </Header>
        </Table.Tbody>
      </Table>
      <Tabs defaultValue="html" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="html" leftSection={<IconCode size={14} />}>
            {t('mailAdmin.outbound.html')}
          </Tabs.Tab>
          <Tabs.Tab value="text" leftSection={<IconFileText size={14} />}>
            {t('mailAdmin.outbound.text')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="sm">
          {/* An empty sandbox: the mail's HTML may not run scripts, submit forms or reach this page. */}
          <iframe
            sandbox=""
            srcDoc={mail.html}
            title={t('mailAdmin.outbound.htmlFrame', { subject: mail.subject })}
            style={{
              width: '100%',
              height: 440,
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 'var(--mantine-radius-sm)',
              background: 'white',
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 440, overflow: 'auto' }} data-testid="outbound-text">
            {mail.text}
          </Code>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** One outgoing mail as it was (or would have been) sent: thread headers, HTML and plain text. */
export function OutboundMailModal({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  // The last mail shown stays while the modal fades out.
  const [shown, setShown] = useState(id);
  if (id !== null && id !== shown) setShown(id);
  const mail = useQuery({
    queryKey: mailKeys.outboundMail(shown ?? 0),
    queryFn: () => fetchOutboundMail(shown ?? 0),
    enabled: shown !== null,
  });
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      size="xl"
      title={
        <Group gap="xs">
          <IconMail size={18} aria-hidden />
          {t('mailAdmin.outbound.detailTitle')}
        </Group>
      }
    >
      {mail.error && <ErrorAlert error={mail.error} />}
      {mail.isPending && (
        <Stack>
          <Skeleton h={28} />
          <Skeleton h={160} />
          <Skeleton h={300} />
        </Stack>
      )}
      {mail.data && <MailView mail={mail.data} />}
    </Modal>
  );
}

import { Anchor, Badge, Code, Group, Modal, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconCode, IconFileText, IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchOutboundMail, mailKeys, type OutboundMailDetail } from '../../../api/mail.ts';
import { formatDateTime } from '../../../app/format.ts';
import { templateKey } from '../../../app/mail-labels.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { MailStatusBadge } from '../../../components/MailStatusBadge.tsx';

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

function MailView({ mail }: { mail: OutboundMailDetail }) {
  const { t } = useTranslation();
  const template = templateKey(mail.template);
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
      {mail.lastError && (
        <Text size="sm" c="red">
          {mail.lastError}
        </Text>
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

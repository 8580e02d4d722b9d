import { Alert, Anchor, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconInfoCircle, IconMailForward } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchMailStatus, mailKeys, OUTBOUND_STATUSES, type OutboundMail } from '../../../api/mail.ts';
import { formatDateTime } from '../../../app/format.ts';
import { templateKey } from '../../../app/mail-labels.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { MailStatusBadge } from '../../../components/MailStatusBadge.tsx';
import { SkeletonRows } from '../sla/SkeletonRows.tsx';
import { LoadMore } from './LoadMore.tsx';
import { OutboundMailModal } from './OutboundMailModal.tsx';
import { useOutboundMail } from './useMailAdmin.ts';

const COLUMNS = 6;

function OutboundRow({ mail, onOpen }: { mail: OutboundMail; onOpen: () => void }) {
  const { t } = useTranslation();
  const template = templateKey(mail.template);
  return (
    <Table.Tr className="fd-clickable-row" onClick={onOpen} data-testid={`outbound-${mail.id}`}>
      <Table.Td>
        <Text size="sm">{formatDateTime(mail.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'break-word' }}>
          {mail.to}
        </Text>
        {mail.cc.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={1} title={mail.cc.join(', ')}>
            {t('mailAdmin.outbound.ccList', { list: mail.cc.join(', ') })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {/* The subject is the row's keyboard handle; the whole row answers to the mouse. */}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="left"
          lineClamp={2}
          onClick={(event) => {
            event.stopPropagation();
            onOpen();
          }}
        >
          {mail.subject}
        </Anchor>
        <Text size="xs" c="dimmed">
          {template ? t(template) : mail.template}
          {mail.automatic && ` · ${t('mailAdmin.outbound.automatic')}`}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <MailStatusBadge of="outbound" status={mail.status} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{mail.attempts}</Text>
      </Table.Td>
      <Table.Td>
        {mail.lastError ? (
          <Text size="xs" c="red" lineClamp={3} title={mail.lastError} style={{ overflowWrap: 'anywhere' }}>
            {mail.lastError}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The outgoing mail log; without SMTP it is the dev mailbox where mail is kept instead of sent. */
export function OutboundTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const log = useOutboundMail(status ?? '');
  const mailStatus = useQuery({ queryKey: mailKeys.status, queryFn: fetchMailStatus, staleTime: 60_000 });
  const mails = log.data?.pages.flat() ?? [];

  return (
    <>
      {mailStatus.data && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} mb="md" maw={860}>
          {mailStatus.data.transport === 'dev'
            ? t('mailAdmin.outbound.devHint')
            : t('mailAdmin.outbound.smtpHint', { from: mailStatus.data.from })}
        </Alert>
      )}
      <Group justify="space-between" mb="md" align="flex-end">
        <Text size="sm" c="dimmed" maw={560}>
          {t('mailAdmin.outbound.intro')}
        </Text>
        <Select
          w={220}
          label={t('mailAdmin.status')}
          placeholder={t('mailAdmin.allStatuses')}
          data={OUTBOUND_STATUSES.map((s) => ({ value: s, label: t(`mailAdmin.outboundStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
        />
      </Group>
      {log.error && <ErrorAlert error={log.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('mailAdmin.outbound.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('mailAdmin.outbound.created')}</Table.Th>
                <Table.Th miw={190}>{t('mailAdmin.outbound.to')}</Table.Th>
                <Table.Th miw={240}>
                  {t('mailAdmin.subject')} · {t('mailAdmin.outbound.template')}
                </Table.Th>
                <Table.Th>{t('mailAdmin.status')}</Table.Th>
                <Table.Th w={90} ta="right">
                  {t('mailAdmin.outbound.attempts')}
                </Table.Th>
                <Table.Th miw={150}>{t('mailAdmin.outbound.lastError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.isPending && <SkeletonRows columns={COLUMNS} />}
              {mails.map((mail) => (
                <OutboundRow key={mail.id} mail={mail} onOpen={() => setOpen(mail.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {log.data && mails.length === 0 && (
          <EmptyState
            icon={<IconMailForward size={26} />}
            title={t('mailAdmin.outbound.empty')}
            description={t('mailAdmin.outbound.emptyHint')}
          />
        )}
        {log.hasNextPage && <LoadMore loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} />}
      </Paper>
      <OutboundMailModal id={open} onClose={() => setOpen(null)} />
    </>
  );
}

import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconDownloadOff, IconExternalLink, IconInbox, IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MailReceipt, RECEIPT_STATUSES, rawMailReceiptUrl, retryMailReceipt } from '../../../api/mail.ts';
import { formatDateTime } from '../../../app/format.ts';
import { outcomeKey, sourceKey } from '../../../app/mail-labels.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert, useErrorMessage } from '../../../components/ErrorAlert.tsx';
import { MailStatusBadge } from '../../../components/MailStatusBadge.tsx';
import { SkeletonRows } from '../sla/SkeletonRows.tsx';
import { LoadMore } from './LoadMore.tsx';
import { useMailAccounts, useMailChanged, useMailReceipts } from './useMailAdmin.ts';

const COLUMNS = 6;

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

function ReceiptRow({ receipt, accountName }: { receipt: MailReceipt; accountName?: string }) {
  const { t } = useTranslation();
  const changed = useMailChanged();
  const errorMessage = useErrorMessage();
  const retry = useMutation({
    mutationFn: () => retryMailReceipt(receipt.id),
    onSuccess: () => {
      changed();
      notifications.show({ color: 'green', message: t('mailAdmin.inbound.retried') });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('mailAdmin.inbound.notRetried'), message: errorMessage(error) }),
  });
  const source = sourceKey(receipt.source);
  const outcome = outcomeKey(receipt.outcome);
  const subject = receipt.subject || t('mailAdmin.noSubject');
  const rawRemoved = t('mailAdmin.inbound.rawRemoved', { date: formatDateTime(receipt.rawRemovedAt) });

  return (
    <Table.Tr data-testid={`receipt-${receipt.id}`}>
      <Table.Td>
        <Text size="sm">{formatDateTime(receipt.receivedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} lineClamp={2} title={subject} c={receipt.subject ? undefined : 'dimmed'}>
          {subject}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
          {receipt.fromAddress ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{source ? t(source) : receipt.source}</Text>
        {accountName && (
          <Text size="xs" c="dimmed">
            {accountName}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <MailStatusBadge of="receipt" status={receipt.status} />
      </Table.Td>
      <Table.Td>
        {receipt.outcome ? <Text size="sm">{outcome ? t(outcome) : receipt.outcome}</Text> : !receipt.error && dash}
        {receipt.error && (
          <Text size="xs" c="red" lineClamp={3} title={receipt.error} style={{ overflowWrap: 'anywhere' }}>
            {receipt.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {receipt.ticketId && (
            <Tooltip label={t('mailAdmin.inbound.openTicket')} withArrow>
              <ActionIcon
                component={Link}
                to={`/agent/tickets/${receipt.ticketId}`}
                variant="subtle"
                aria-label={t('mailAdmin.inbound.openTicket')}
              >
                <IconExternalLink size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {receipt.status === 'failed' && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconRefresh size={12} />}
              loading={retry.isPending}
              onClick={() => retry.mutate()}
              aria-label={t('mailAdmin.inbound.retryOf', { subject })}
            >
              {t('mailAdmin.inbound.retry')}
            </Button>
          )}
          {receipt.rawRemovedAt ? (
            // The retention job removed the original; the row and its outcome stay.
            <Tooltip label={rawRemoved} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                data-disabled
                onClick={(event) => event.preventDefault()}
                aria-label={rawRemoved}
              >
                <IconDownloadOff size={16} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Tooltip label={t('mailAdmin.inbound.download')} withArrow>
              <ActionIcon
                component="a"
                href={rawMailReceiptUrl(receipt.id)}
                download={`receipt-${receipt.id}.eml`}
                variant="subtle"
                color="gray"
                aria-label={t('mailAdmin.inbound.downloadOf', { subject })}
              >
                <IconDownload size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The inbound mail log: what came in, what became of it, and a retry for failures. */
export function InboundLogTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const log = useMailReceipts(status);
  const accounts = useMailAccounts();
  const accountName = new Map((accounts.data ?? []).map((account) => [account.id, account.name]));
  const pages = log.data?.pages ?? [];
  const receipts = pages.flatMap((page) => page.items);
  const counts = pages[0]?.counts ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const label = (key: string, count: number) => `${t(key)} (${count})`;

  return (
    <>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('mailAdmin.inbound.intro')}
      </Text>
      <SegmentedControl
        mb="md"
        value={status}
        onChange={setStatus}
        aria-label={t('mailAdmin.inbound.filter')}
        data={[
          { value: '', label: label('mailAdmin.all', total) },
          ...RECEIPT_STATUSES.map((s) => ({ value: s, label: label(`mailAdmin.receiptStatus.${s}`, counts[s] ?? 0) })),
        ]}
      />
      {log.error && <ErrorAlert error={log.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing="sm" aria-label={t('mailAdmin.inbound.title')} aria-busy={log.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('mailAdmin.inbound.receivedAt')}</Table.Th>
                <Table.Th miw={220}>
                  {t('mailAdmin.subject')} · {t('mailAdmin.inbound.from')}
                </Table.Th>
                <Table.Th>{t('mailAdmin.inbound.source')}</Table.Th>
                <Table.Th>{t('mailAdmin.status')}</Table.Th>
                <Table.Th miw={160}>{t('mailAdmin.inbound.outcome')}</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.isPending && <SkeletonRows columns={COLUMNS} />}
              {receipts.map((receipt) => (
                <ReceiptRow
                  key={receipt.id}
                  receipt={receipt}
                  accountName={receipt.accountId ? accountName.get(receipt.accountId) : undefined}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {log.data && receipts.length === 0 && (
          <EmptyState
            icon={<IconInbox size={26} />}
            title={t('mailAdmin.inbound.empty')}
            description={t('mailAdmin.inbound.emptyHint')}
          />
        )}
        {log.hasNextPage && <LoadMore loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} />}
      </Paper>
    </>
  );
}

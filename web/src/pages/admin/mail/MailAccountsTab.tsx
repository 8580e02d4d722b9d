import { Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconInbox, IconMailbox, IconPencil, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteMailAccount, type MailAccount } from '../../../api/mail.ts';
import { formatDateTime, formatRelative } from '../../../app/format.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { type CatalogAction, CatalogActions } from '../CatalogActions.tsx';
import { ConfirmDeleteModal, type DeleteTarget } from '../sla/ConfirmDeleteModal.tsx';
import { SkeletonRows } from '../sla/SkeletonRows.tsx';
import { type MailAccountDialogTarget, MailAccountModal } from './MailAccountDialog.tsx';
import { useAccountActions } from './useAccountActions.ts';
import { useMailAccounts, useMailChanged } from './useMailAdmin.ts';

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

function LastPoll({ account }: { account: MailAccount }) {
  const { t } = useTranslation();
  if (account.kind !== 'imap') return dash;
  return (
    <Stack gap={2}>
      <Text size="sm" title={formatDateTime(account.lastPolledAt)}>
        {account.lastPolledAt ? formatRelative(account.lastPolledAt) : t('mailAdmin.accounts.neverPolled')}
      </Text>
      {account.lastError && (
        <Text size="xs" c="red" lineClamp={2} title={account.lastError} data-testid="account-error">
          {account.lastError}
        </Text>
      )}
    </Stack>
  );
}

/** Mail accounts: IMAP mailboxes that are polled, and addresses the SMTP listener or a pipe receive for. */
export function MailAccountsTab() {
  const { t } = useTranslation();
  const accounts = useMailAccounts();
  const changed = useMailChanged();
  const { test, poll } = useAccountActions();
  const [dialog, setDialog] = useState<MailAccountDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const rows = [...(accounts.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const actionsOf = (account: MailAccount): CatalogAction[] => [
    { label: t('mailAdmin.edit'), icon: <IconPencil size={14} />, onClick: () => setDialog({ mode: 'edit', account }) },
    ...(account.kind === 'imap'
      ? [
          { label: t('mailAdmin.accounts.test'), icon: <IconPlugConnected size={14} />, onClick: () => test(account) },
          { label: t('mailAdmin.accounts.poll'), icon: <IconDownload size={14} />, onClick: () => poll(account) },
        ]
      : []),
  ];

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('mailAdmin.accounts.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'create' })}>
          {t('mailAdmin.accounts.create')}
        </Button>
      </Group>
      {accounts.error && <ErrorAlert error={accounts.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('mailAdmin.accounts.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mailAdmin.accounts.name')}</Table.Th>
                <Table.Th>{t('mailAdmin.accounts.kind')}</Table.Th>
                <Table.Th>{t('mailAdmin.accounts.address')}</Table.Th>
                <Table.Th>{t('mailAdmin.accounts.host')}</Table.Th>
                <Table.Th miw={170}>{t('mailAdmin.accounts.lastPoll')}</Table.Th>
                <Table.Th>{t('mailAdmin.status')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.isPending && <SkeletonRows columns={7} />}
              {rows.map((account) => (
                <Table.Tr
                  key={account.id}
                  className="fd-clickable-row"
                  onClick={() => setDialog({ mode: 'edit', account })}
                  data-testid={`mail-account-${account.id}`}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {account.kind === 'imap' ? (
                        <IconMailbox size={16} color="var(--mantine-color-indigo-6)" aria-hidden />
                      ) : (
                        <IconInbox size={16} color="var(--mantine-color-teal-6)" aria-hidden />
                      )}
                      <Text size="sm" fw={500}>
                        {account.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" color={account.kind === 'imap' ? 'indigo' : 'teal'} tt="none" fw={500}>
                      {t(`mailAdmin.kindShort.${account.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{account.address ? <Text size="sm">{account.address}</Text> : dash}</Table.Td>
                  <Table.Td>
                    {account.kind === 'imap' && account.host ? (
                      <Text size="sm" ff="monospace">
                        {account.host}:{account.port}
                      </Text>
                    ) : (
                      dash
                    )}
                  </Table.Td>
                  <Table.Td>
                    <LastPoll account={account} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" color={account.active ? 'green' : 'gray'}>
                      {account.active ? t('mailAdmin.accounts.active') : t('mailAdmin.accounts.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <CatalogActions
                      name={account.name}
                      actions={actionsOf(account)}
                      onDelete={() => setDeleting({ id: account.id, name: account.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {accounts.data && rows.length === 0 && (
          <EmptyState
            title={t('mailAdmin.accounts.empty')}
            description={t('mailAdmin.accounts.emptyHint')}
            icon={<IconMailbox size={26} />}
          />
        )}
      </Paper>
      <MailAccountModal target={dialog} onClose={() => setDialog(null)} />
      <ConfirmDeleteModal
        target={deleting}
        texts="mailAdmin.accounts"
        remove={deleteMailAccount}
        onClose={() => setDeleting(null)}
        onDeleted={changed}
      />
    </>
  );
}

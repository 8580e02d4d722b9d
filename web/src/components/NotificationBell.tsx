import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  fetchInbox,
  type InboxItem,
  inboxKeys,
  markAllNotificationsRead,
  markNotificationRead,
} from '../api/notifications.ts';
import { formatDateTime, formatRelative } from '../app/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Entries shown in the dropdown; older ones stay on the server. */
const PAGE = 20;

/** Prefixes the browser tab title with "(N) " while N notifications are unread, and restores it after. */
function useUnreadTitle(count: number): void {
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = count > 0 ? `(${count}) ${base}` : base;
    return () => {
      document.title = document.title.replace(/^\(\d+\) /, '');
    };
  }, [count]);
}

function Entry({ item, onOpen }: { item: InboxItem; onOpen: (item: InboxItem) => void }) {
  const unread = item.readAt === null;
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      p="xs"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      bg={unread ? 'blue.0' : undefined}
      data-testid="notification-item"
      data-unread={unread}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Indicator color="blue" size={8} disabled={!unread} position="middle-start" mt={8} />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400}>
            {item.text}
          </Text>
          {item.ticketSubject && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.ticketSubject}
            </Text>
          )}
          <Text size="xs" c="dimmed" title={formatDateTime(item.createdAt)}>
            {formatRelative(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The notification centre in the header: a bell with the unread count, a dropdown of the latest
 * notifications (opening one marks it read and goes to the ticket) and "mark all read". Live:
 * the SSE client invalidates the inbox when a `notification` event arrives.
 */
export function NotificationBell({ agent }: { agent: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const inbox = useQuery({ queryKey: inboxKeys.page(PAGE), queryFn: () => fetchInbox(PAGE) });
  const unread = inbox.data?.unreadCount ?? 0;
  useUnreadTitle(unread);
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });

  const open = (item: InboxItem) => {
    if (item.readAt === null) readOne.mutate(item.id);
    setOpened(false);
    void navigate(agent ? `/agent/tickets/${item.ticketId}` : `/portal/tickets/${item.ticketId}`);
  };

  const items = inbox.data?.items ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('inbox.bellUnread', { count: unread }) : t('inbox.bell')}
            data-testid="notification-bell"
            data-unread={unread}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notification-dropdown">
        <Group justify="space-between" px="xs" pb="xs">
          <Text fw={600}>{t('inbox.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            {t('inbox.markAllRead')}
          </Button>
        </Group>
        {inbox.error && <ErrorAlert error={inbox.error} />}
        {items.length === 0 && !inbox.isPending && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('inbox.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2}>
            {items.map((item) => (
              <Entry key={item.id} item={item} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

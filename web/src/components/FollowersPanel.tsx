import { ActionIcon, Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconEye, IconEyeOff, IconUsers, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import {
  addCc,
  type Followers,
  fetchFollowers,
  followTicket,
  inboxKeys,
  removeCc,
  unfollowTicket,
} from '../api/notifications.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { UserSelect } from './UserSelect.tsx';

/**
 * Following a ticket and its CC addresses. Everyone who sees the ticket can follow it; agents
 * also see and manage the other followers; agents and the requester manage CC addresses, which
 * receive the requester's mails.
 */
export function FollowersPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = inboxKeys.followers(ticketId);
  const followers = useQuery({ queryKey: key, queryFn: () => fetchFollowers(ticketId) });
  const [email, setEmail] = useState('');
  const [agentId, setAgentId] = useState<number | null>(null);
  const apply = (next: Followers) => queryClient.setQueryData(key, next);
  const change = useMutation({
    mutationFn: (action: () => Promise<Followers>) => action(),
    onSuccess: apply,
  });
  const ccError =
    change.error && isApiError(change.error) && change.error.fields.includes('email') ? t('inbox.ccInvalid') : null;

  const data = followers.data;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('inbox.followers')} data-testid="followers-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <IconUsers size={16} aria-hidden />
            <Text fw={600}>{t('inbox.followers')}</Text>
          </Group>
          {data && (
            <Button
              size="compact-sm"
              variant={data.following ? 'light' : 'filled'}
              leftSection={data.following ? <IconEyeOff size={14} /> : <IconEye size={14} />}
              loading={change.isPending}
              onClick={() => change.mutate(() => (data.following ? unfollowTicket(ticketId) : followTicket(ticketId)))}
            >
              {data.following ? t('inbox.unfollow') : t('inbox.follow')}
            </Button>
          )}
        </Group>
        {followers.error && <ErrorAlert error={followers.error} />}
        {change.error && !ccError && <ErrorAlert error={change.error} />}
        {followers.isPending && <Skeleton h={40} />}
        {data?.canManageWatchers && (
          <Stack gap={4}>
            {data.watchers.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('inbox.noWatchers')}
              </Text>
            )}
            {data.watchers.map((w) => (
              <Group key={w.id} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{w.name}</Text>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('inbox.removeWatcher', { name: w.name })}
                  onClick={() => change.mutate(() => unfollowTicket(ticketId, w.id))}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <UserSelect agentsOnly label={t('inbox.addWatcher')} value={agentId} onChange={setAgentId} />
              </div>
              <Button
                variant="default"
                disabled={agentId === null}
                onClick={() => {
                  const id = agentId;
                  if (id !== null)
                    change.mutate(() => followTicket(ticketId, id), { onSuccess: () => setAgentId(null) });
                }}
              >
                {t('inbox.add')}
              </Button>
            </Group>
          </Stack>
        )}
        {data?.canManageCc && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('inbox.ccTitle')}
            </Text>
            {data.cc.map((address) => (
              <Group key={address} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {address}
                </Text>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('inbox.removeCc', { email: address })}
                  onClick={() => change.mutate(() => removeCc(ticketId, address))}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const value = email.trim();
                if (value) change.mutate(() => addCc(ticketId, value), { onSuccess: () => setEmail('') });
              }}
            >
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  type="email"
                  aria-label={t('inbox.ccAddress')}
                  placeholder={t('inbox.ccPlaceholder')}
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  error={ccError}
                />
                <Button type="submit" variant="default" disabled={email.trim() === ''}>
                  {t('inbox.add')}
                </Button>
              </Group>
            </form>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

import { Badge, Box, Divider, NavLink, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import {
  IconCircleCheck,
  IconClock,
  IconInbox,
  type IconProps,
  IconSearch,
  IconStack2,
  IconUserCircle,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { QUEUE_KEYS, type QueueKey } from '../../../../common/domain.ts';
import { queryKeys } from '../../api/keys.ts';
import { fetchQueueCounts } from '../../api/tickets.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KbNavLinks } from '../kb/KbNavLinks.tsx';

const QUEUE_ICONS: Record<QueueKey, ComponentType<IconProps>> = {
  unassigned: IconInbox,
  mine: IconUserCircle,
  open: IconStack2,
  waiting: IconClock,
  resolved: IconCircleCheck,
};

/**
 * Ticket search in the navigation drawer, for small screens only: from `sm` up the header's
 * search box is shown instead (one search box on screen, not two).
 */
function QueueSearch({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  return (
    <Box
      component="form"
      hiddenFrom="sm"
      onSubmit={(event) => {
        event.preventDefault();
        const q = text.trim();
        if (!q) return;
        onNavigate();
        void navigate(`/agent/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <TextInput
        label={t('agent.searchLabel')}
        placeholder={t('agent.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
      />
    </Box>
  );
}

/** The agent's left navigation: search and the queues with live counts. */
export function QueueNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const counts = useQuery({ queryKey: queryKeys.queueCounts, queryFn: fetchQueueCounts, refetchInterval: 60_000 });
  const countOf = (key: QueueKey) => counts.data?.items.find((item) => item.key === key)?.count;

  return (
    <Stack gap="sm">
      <QueueSearch onNavigate={onNavigate} />
      <Divider hiddenFrom="sm" />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs">
        {t('agent.queues')}
      </Text>
      {counts.error && <ErrorAlert error={counts.error} />}
      <nav aria-label={t('agent.queues')}>
        {QUEUE_KEYS.map((key) => {
          const Icon = QUEUE_ICONS[key];
          const to = `/agent/queues/${key}`;
          const count = countOf(key);
          const active = location.pathname === to;
          return (
            <NavLink
              key={key}
              component={Link}
              to={to}
              onClick={onNavigate}
              active={active}
              aria-current={active ? 'page' : undefined}
              label={t(`queue.${key}`)}
              leftSection={<Icon size={18} stroke={1.6} />}
              rightSection={
                counts.isPending ? (
                  <Skeleton h={18} w={24} />
                ) : (
                  <Badge
                    size="sm"
                    variant={active ? 'filled' : 'light'}
                    color={key === 'unassigned' && (count ?? 0) > 0 ? 'red' : 'gray'}
                    data-testid={`queue-count-${key}`}
                  >
                    {count ?? 0}
                  </Badge>
                )
              }
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </nav>
      <KbNavLinks onNavigate={onNavigate} />
    </Stack>
  );
}

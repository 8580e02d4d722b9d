import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SlaTarget, TicketSla } from '../api/tickets.ts';
import { formatDateTime, formatDuration } from '../app/format.ts';

const COLORS = { running: 'blue', paused: 'gray', met: 'teal', breached: 'red', none: 'gray' } as const;

/**
 * The target someone has to act on next: the first response while it is pending, else the
 * resolution. A first response that came late shows as breached only while it is still the
 * pending deadline.
 */
export function headlineTarget(sla: TicketSla): SlaTarget & { remainingMinutes?: number | null } {
  const first = sla.firstResponse;
  const pending = first.state === 'running' || (first.state === 'breached' && sla.dueAt === first.dueAt);
  return pending ? first : sla.resolution;
}

/** One SLA target as a coloured badge: time left, overdue, paused with the budget left, or met. */
export function SlaBadge({
  target,
  now = Date.now(),
}: {
  target: SlaTarget & { remainingMinutes?: number | null };
  now?: number;
}) {
  const { t } = useTranslation();
  if (target.state === 'none') return null;
  const minutesTo = target.dueAt ? (new Date(target.dueAt).getTime() - now) / 60_000 : 0;
  let label = t(`sla.state.${target.state}`);
  let icon = <IconClock size={12} />;
  if (target.state === 'running') label = t('sla.dueIn', { time: formatDuration(minutesTo) });
  if (target.state === 'breached' && minutesTo < 0) label = t('sla.overdue', { time: formatDuration(minutesTo) });
  if (target.state === 'paused') {
    icon = <IconPlayerPause size={12} />;
    if (target.remainingMinutes != null)
      label = `${t('sla.state.paused')} · ${t('sla.left', { time: formatDuration(target.remainingMinutes) })}`;
  }
  if (target.state === 'met') icon = <IconCheck size={12} />;
  if (target.state === 'breached') icon = <IconAlertTriangle size={12} />;
  const color = target.state === 'running' && target.warning ? 'orange' : COLORS[target.state];
  return (
    <Tooltip label={`${t('sla.due')}: ${formatDateTime(target.dueAt)}`} disabled={!target.dueAt} withArrow>
      <Badge
        color={color}
        variant={target.state === 'breached' ? 'filled' : 'light'}
        leftSection={icon}
        data-sla-state={target.state}
        style={{ textTransform: 'none' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

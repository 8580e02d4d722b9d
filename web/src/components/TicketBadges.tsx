import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '../../../common/domain.ts';

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'indigo',
  waiting_customer: 'orange',
  waiting_vendor: 'grape',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'gray',
};

const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function StatusBadge({ status, ...props }: { status: TicketStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} {...props}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority, ...props }: { priority: TicketPriority } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray'} variant={priority === 'urgent' ? 'filled' : 'light'} {...props}>
      {t(`priority.${priority}`)}
    </Badge>
  );
}

import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '../../../common/domain.ts';
import { useWorkflowNames } from '../app/workflow-names.ts';

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

/** Colours of admin-defined statuses, by what they mean. */
const CATEGORY_COLORS = { new: 'blue', open: 'indigo', pending: 'orange', resolved: 'teal', closed: 'gray' } as const;

export function StatusBadge({ status, ...props }: { status: TicketStatus | (string & {}) } & BadgeProps) {
  const names = useWorkflowNames();
  const category = names.category(status);
  const color = STATUS_COLORS[status as TicketStatus] ?? (category ? CATEGORY_COLORS[category] : 'gray');
  return (
    <Badge color={color} {...props}>
      {names.status(status)}
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

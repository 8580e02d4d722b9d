import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OUTBOUND_STATUS_COLORS, RECEIPT_STATUS_COLORS } from '../app/mail-labels.ts';

interface MailStatusBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  /** An inbound receipt's status or an outgoing mail's. */
  of: 'receipt' | 'outbound';
  status: string;
}

// A table cell may be narrow, but a status is short: show it whole rather than "PROCES…".
const WHOLE = { label: { overflow: 'visible' } };

/** The status of an inbound or outgoing mail, translated and coloured by what it means. */
export function MailStatusBadge({ of, status, ...props }: MailStatusBadgeProps) {
  const { t } = useTranslation();
  const colors = of === 'receipt' ? RECEIPT_STATUS_COLORS : OUTBOUND_STATUS_COLORS;
  const key = of === 'receipt' ? 'mailAdmin.receiptStatus' : 'mailAdmin.outboundStatus';
  return (
    <Badge variant="light" color={colors[status] ?? 'gray'} styles={WHOLE} {...props}>
      {t(`${key}.${status}`, { defaultValue: status })}
    </Badge>
  );
}

import { useTranslation } from 'react-i18next';
import type {
  CascadeLevel,
  NotificationChannel,
  NotificationEvent,
  RecipientRole,
} from '../../../common/notifications.ts';
import { useCatalog } from './queries.ts';
import { useWorkflowNames } from './workflow-names.ts';

/** Where a rule sits in the cascade, as the notification screens describe it. */
export interface RuleScope {
  level: CascadeLevel;
  ticketType: string | null;
  serviceId: number | null;
  serviceName?: string | null;
}

/**
 * Localized names for the notification catalogue (events, roles, channels) and for where a
 * rule comes from ("the default process", "service VPN"), shared by the admin and user screens.
 */
export function useNotifyNames() {
  const { t } = useTranslation();
  const catalog = useCatalog().data;
  const workflow = useWorkflowNames();
  const serviceName = (id: number) => catalog?.services.find((s) => s.id === id)?.name ?? `#${id}`;
  return {
    event: (event: NotificationEvent) => t(`notify.events.${event}.name`),
    eventDescription: (event: NotificationEvent) => t(`notify.events.${event}.description`),
    role: (role: RecipientRole) => t(`notify.roles.${role}`),
    channel: (channel: NotificationChannel) => t(`notify.channels.${channel}`),
    serviceName,
    categoryName: (id: number) => catalog?.categories.find((c) => c.id === id)?.name ?? `#${id}`,
    status: workflow.status,
    type: workflow.type,
    /** "the default process", "the process Incident", "the service VPN", "the user's own choice". */
    scope: (scope: RuleScope) => {
      if (scope.level === 'user') return t('notify.scope.user');
      if (scope.level === 'service') {
        return t('notify.scope.service', { name: scope.serviceName ?? serviceName(scope.serviceId ?? 0) });
      }
      return scope.ticketType === null
        ? t('notify.scope.defaultProcess')
        : t('notify.scope.process', { name: workflow.type(scope.ticketType) });
    },
  };
}

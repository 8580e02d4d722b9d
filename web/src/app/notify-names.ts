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
  /** The ticket group and target status the rule is narrowed to (null or absent = any). */
  categoryId?: number | null;
  statusTo?: string | null;
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
  const categoryName = (id: number) => catalog?.categories.find((c) => c.id === id)?.name ?? `#${id}`;
  /** The level and process or service of a rule, without its narrowing. */
  const where = (scope: RuleScope, personal: boolean) => {
    if (scope.level === 'user') {
      if (!personal) return t('notify.scope.user');
      return t(scope.categoryId != null || scope.statusTo != null ? 'notify.me.ownScope' : 'notify.me.ownGeneral');
    }
    if (scope.level === 'service') {
      return t('notify.scope.service', { name: scope.serviceName ?? serviceName(scope.serviceId ?? 0) });
    }
    return scope.ticketType === null
      ? t('notify.scope.defaultProcess')
      : t('notify.scope.process', { name: workflow.type(scope.ticketType) });
  };
  return {
    event: (event: NotificationEvent) => t(`notify.events.${event}.name`),
    eventDescription: (event: NotificationEvent) => t(`notify.events.${event}.description`),
    role: (role: RecipientRole) => t(`notify.roles.${role}`),
    channel: (channel: NotificationChannel) => t(`notify.channels.${channel}`),
    serviceName,
    categoryName,
    status: workflow.status,
    type: workflow.type,
    /**
     * "the default process", "the process Incident, group Printers", "the service VPN", "the
     * person's own choice"; `personal` speaks to the person themselves ("your general choice").
     */
    scope: (scope: RuleScope, options: { personal?: boolean } = {}) => {
      let text = where(scope, options.personal ?? false);
      if (scope.categoryId != null) {
        text = t('notify.scope.inCategory', { scope: text, name: categoryName(scope.categoryId) });
      }
      if (scope.statusTo != null) {
        text = t('notify.scope.toStatus', { scope: text, name: workflow.status(scope.statusTo) });
      }
      return text;
    },
  };
}

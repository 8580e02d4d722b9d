import type { Locale } from '../../../common/domain.ts';
import { LOCALES } from '../../../common/domain.ts';
import type { NotificationEvent } from '../../../common/notifications.ts';

/**
 * The one-line summaries of notifications, in the five interface languages. They are filled at
 * read time (inbox) or send time (e-mail) in the reader's language, from the values kept with
 * the notification: `{actor}`, `{number}`, `{status}` (a status name). The ticket subject is not
 * part of the line: it is shown beside it only when the reader may see it (field rules).
 */
export interface NotificationTexts {
  events: Record<NotificationEvent, string>;
  /** `{actor}` when the change was made by the system (SLA clock, auto-close). */
  system: string;
  /** Link label in the notification e-mail. */
  openTicket: string;
  /** Last line of a notification e-mail: why the person got it. */
  footer: string;
}

export const NOTIFICATION_TEXTS: Record<Locale, NotificationTexts> = {
  en: {
    events: {
      'ticket.created': '{actor} opened ticket #{number}',
      'ticket.assigned_to_me': '{actor} assigned ticket #{number} to you',
      'ticket.assigned_to_group': 'Ticket #{number} was assigned to your group',
      'ticket.customer_replied': '{actor} replied on ticket #{number}',
      'ticket.agent_replied': '{actor} replied on ticket #{number}',
      'ticket.note_added': '{actor} added an internal note on ticket #{number}',
      'ticket.status_changed': 'Ticket #{number} moved to “{status}”',
      'ticket.resolved': 'Ticket #{number} was resolved',
      'ticket.confirmed': '{actor} confirmed the solution of ticket #{number}',
      'ticket.rejected': '{actor} rejected the solution of ticket #{number}',
      'ticket.closed': 'Ticket #{number} was closed',
      'ticket.escalated': 'Ticket #{number} was escalated',
      'ticket.escalated_vendor': 'Ticket #{number} was escalated to a vendor',
      'ticket.sla_warning': 'The SLA of ticket #{number} is about to be breached',
      'ticket.sla_breached': 'The SLA of ticket #{number} is breached',
      'ticket.vendor_deadline_near': 'The vendor deadline of ticket #{number} is near',
      'ticket.mention': '{actor} mentioned you on ticket #{number}',
      'announcement.published': 'A new announcement was published',
    },
    system: 'The system',
    openTicket: 'Open the ticket',
    footer: 'You receive this because of your notification settings.',
  },
  uk: {
    events: {
      'ticket.created': '{actor} створює заявку #{number}',
      'ticket.assigned_to_me': '{actor} призначає вам заявку #{number}',
      'ticket.assigned_to_group': 'Заявку #{number} призначено вашій групі',
      'ticket.customer_replied': '{actor} відповідає в заявці #{number}',
      'ticket.agent_replied': '{actor} відповідає в заявці #{number}',
      'ticket.note_added': '{actor} додає внутрішню нотатку до заявки #{number}',
      'ticket.status_changed': 'Заявка #{number} перейшла в статус «{status}»',
      'ticket.resolved': 'Заявку #{number} вирішено',
      'ticket.confirmed': '{actor} підтверджує рішення заявки #{number}',
      'ticket.rejected': '{actor} відхиляє рішення заявки #{number}',
      'ticket.closed': 'Заявку #{number} закрито',
      'ticket.escalated': 'Заявку #{number} ескальовано',
      'ticket.escalated_vendor': 'Заявку #{number} ескальовано постачальнику',
      'ticket.sla_warning': 'SLA заявки #{number} незабаром буде порушено',
      'ticket.sla_breached': 'SLA заявки #{number} порушено',
      'ticket.vendor_deadline_near': 'Наближається термін постачальника для заявки #{number}',
      'ticket.mention': '{actor} згадує вас у заявці #{number}',
      'announcement.published': 'Опубліковано нове оголошення',
    },
    system: 'Система',
    openTicket: 'Відкрити заявку',
    footer: 'Ви отримали цей лист відповідно до ваших налаштувань сповіщень.',
  },
  ru: {
    events: {
      'ticket.created': '{actor} создаёт заявку #{number}',
      'ticket.assigned_to_me': '{actor} назначает вам заявку #{number}',
      'ticket.assigned_to_group': 'Заявка #{number} назначена вашей группе',
      'ticket.customer_replied': '{actor} отвечает в заявке #{number}',
      'ticket.agent_replied': '{actor} отвечает в заявке #{number}',
      'ticket.note_added': '{actor} добавляет внутреннюю заметку к заявке #{number}',
      'ticket.status_changed': 'Заявка #{number} перешла в статус «{status}»',
      'ticket.resolved': 'Заявка #{number} решена',
      'ticket.confirmed': '{actor} подтверждает решение заявки #{number}',
      'ticket.rejected': '{actor} отклоняет решение заявки #{number}',
      'ticket.closed': 'Заявка #{number} закрыта',
      'ticket.escalated': 'Заявка #{number} эскалирована',
      'ticket.escalated_vendor': 'Заявка #{number} эскалирована поставщику',
      'ticket.sla_warning': 'SLA заявки #{number} скоро будет нарушено',
      'ticket.sla_breached': 'SLA заявки #{number} нарушено',
      'ticket.vendor_deadline_near': 'Приближается срок поставщика по заявке #{number}',
      'ticket.mention': '{actor} упоминает вас в заявке #{number}',
      'announcement.published': 'Опубликовано новое объявление',
    },
    system: 'Система',
    openTicket: 'Открыть заявку',
    footer: 'Вы получили это письмо согласно вашим настройкам уведомлений.',
  },
  ro: {
    events: {
      'ticket.created': '{actor} a deschis tichetul #{number}',
      'ticket.assigned_to_me': '{actor} v-a atribuit tichetul #{number}',
      'ticket.assigned_to_group': 'Tichetul #{number} a fost atribuit grupului dumneavoastră',
      'ticket.customer_replied': '{actor} a răspuns la tichetul #{number}',
      'ticket.agent_replied': '{actor} a răspuns la tichetul #{number}',
      'ticket.note_added': '{actor} a adăugat o notă internă la tichetul #{number}',
      'ticket.status_changed': 'Tichetul #{number} a trecut în starea „{status}”',
      'ticket.resolved': 'Tichetul #{number} a fost rezolvat',
      'ticket.confirmed': '{actor} a confirmat soluția tichetului #{number}',
      'ticket.rejected': '{actor} a respins soluția tichetului #{number}',
      'ticket.closed': 'Tichetul #{number} a fost închis',
      'ticket.escalated': 'Tichetul #{number} a fost escaladat',
      'ticket.escalated_vendor': 'Tichetul #{number} a fost escaladat la un furnizor',
      'ticket.sla_warning': 'SLA-ul tichetului #{number} este pe cale să fie încălcat',
      'ticket.sla_breached': 'SLA-ul tichetului #{number} a fost încălcat',
      'ticket.vendor_deadline_near': 'Termenul furnizorului pentru tichetul #{number} se apropie',
      'ticket.mention': '{actor} v-a menționat în tichetul #{number}',
      'announcement.published': 'A fost publicat un anunț nou',
    },
    system: 'Sistemul',
    openTicket: 'Deschideți tichetul',
    footer: 'Primiți acest mesaj conform setărilor dumneavoastră de notificare.',
  },
  zh: {
    events: {
      'ticket.created': '{actor} 创建了工单 #{number}',
      'ticket.assigned_to_me': '{actor} 将工单 #{number} 分配给了您',
      'ticket.assigned_to_group': '工单 #{number} 已分配给您的小组',
      'ticket.customer_replied': '{actor} 回复了工单 #{number}',
      'ticket.agent_replied': '{actor} 回复了工单 #{number}',
      'ticket.note_added': '{actor} 在工单 #{number} 中添加了内部备注',
      'ticket.status_changed': '工单 #{number} 的状态变为“{status}”',
      'ticket.resolved': '工单 #{number} 已解决',
      'ticket.confirmed': '{actor} 确认了工单 #{number} 的解决方案',
      'ticket.rejected': '{actor} 拒绝了工单 #{number} 的解决方案',
      'ticket.closed': '工单 #{number} 已关闭',
      'ticket.escalated': '工单 #{number} 已升级',
      'ticket.escalated_vendor': '工单 #{number} 已升级给供应商',
      'ticket.sla_warning': '工单 #{number} 的 SLA 即将违约',
      'ticket.sla_breached': '工单 #{number} 的 SLA 已违约',
      'ticket.vendor_deadline_near': '工单 #{number} 的供应商期限临近',
      'ticket.mention': '{actor} 在工单 #{number} 中提到了您',
      'announcement.published': '发布了新公告',
    },
    system: '系统',
    openTicket: '打开工单',
    footer: '您收到此邮件是因为您的通知设置。',
  },
};

/** The texts in `locale`, English for anything unknown. */
export function notificationTextsFor(locale: string): NotificationTexts {
  return (LOCALES as readonly string[]).includes(locale) ? NOTIFICATION_TEXTS[locale as Locale] : NOTIFICATION_TEXTS.en;
}

/** Values a summary line is filled with. */
export interface SummaryValues {
  actor: string | null;
  number: number | null;
  status: string | null;
}

/** The localized one-line summary of a notification. */
export function summaryLine(locale: string, event: NotificationEvent, values: SummaryValues): string {
  const texts = notificationTextsFor(locale);
  const template = texts.events[event];
  return template
    .replaceAll('{actor}', values.actor ?? texts.system)
    .replaceAll('{number}', values.number === null ? '' : String(values.number))
    .replaceAll('{status}', values.status ?? '');
}

import type { Insertable } from 'kysely';
import { type NotificationChannel, RECIPIENT_ROLES, type RecipientRole } from '../../../common/notifications.ts';
import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, isAgent } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import type { NotificationTable } from '../../db/schema.ts';
import { textToHtml } from '../../platform/html.ts';
import { isDeliverableAddress } from '../mail/mail-sender.ts';
import { renderMail, taggedSubject } from '../mail/outbound.compose.ts';
import { composeTicketMail, type OutboundDraft, queueMail } from '../mail/outbound.service.ts';
import { textsFor } from '../mail/outbound.texts.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { canReadInternal, canReadTicket } from '../tickets/tickets.policy.ts';
import { findTicketById, type TicketRow } from '../tickets/tickets.repo.ts';
import type { Recipient, RuleIndex, TicketContext } from './cascade.model.ts';
import { resolveRecipients } from './cascade.ts';
import { type NotifyingDomainEvent, type Occurrence, occurrencesOf } from './delivery.events.ts';
import {
  groupMemberIds,
  insertNotificationsOnce,
  loadActors,
  organizationUserIds,
  usersWithPermission,
  watcherIds,
} from './delivery.repo.ts';
import { currentRuleIndex } from './delivery.rules.ts';
import { notificationTextsFor, summaryLine } from './notifications.texts.ts';

const CHANNELS: readonly NotificationChannel[] = ['in_app', 'email'];

/** The outbox row being fanned out: its id makes every delivery's dedupe key. */
export interface FanOutSource {
  outboxId: number;
  type: NotifyingDomainEvent;
  payload: Record<string, unknown>;
}

/** What one person gets for one domain event, after the cascade and the per-channel dedupe. */
interface Planned {
  person: Actor;
  occurrence: Occurrence;
  channel: NotificationChannel;
}

/**
 * Who holds which recipient role on the ticket. "Managers" are the members of the ticket's group
 * whose role grants `menu.reports` (team leads); when the group has none, or the ticket has no
 * group, every such user (ADR 0019).
 */
export async function recipientRoles(
  ctx: AppContext,
  ticket: TicketRow,
  wanted: ReadonlySet<RecipientRole> = new Set(RECIPIENT_ROLES),
): Promise<Map<number, Set<RecipientRole>>> {
  const db = ctx.db.kysely;
  const people = new Map<number, Set<RecipientRole>>();
  const add = (userId: number, role: RecipientRole) => {
    const roles = people.get(userId) ?? new Set<RecipientRole>();
    roles.add(role);
    people.set(userId, roles);
  };
  // Roles no rule addresses cost no query (most events name two or three roles).
  if (wanted.has('requester')) add(ticket.requester_id, 'requester');
  if (wanted.has('organization_contacts') && ticket.organization_id !== null) {
    for (const id of await organizationUserIds(db, ticket.organization_id)) {
      if (id !== ticket.requester_id) add(id, 'organization_contacts');
    }
  }
  if (wanted.has('owner') && ticket.owner_id !== null) add(ticket.owner_id, 'owner');
  if (wanted.has('group_members') && ticket.group_id !== null) {
    for (const id of await groupMemberIds(db, ticket.group_id)) add(id, 'group_members');
  }
  if (wanted.has('watchers')) for (const id of await watcherIds(db, ticket.id)) add(id, 'watchers');
  if (!wanted.has('managers')) return people;
  const managers = await usersWithPermission(db, 'menu.reports');
  const ofGroup = managers.filter((m) => ticket.group_id !== null && m.groupIds.includes(ticket.group_id));
  for (const m of ofGroup.length > 0 ? ofGroup : managers) add(m.id, 'managers');
  return people;
}

/** The roles some level 1-2 rule addresses for these events (user rules only count behind one). Keys as in cascade.ts buckets. */
function rolesInUse(index: RuleIndex, occurrences: readonly Occurrence[]): Set<RecipientRole> {
  const roles = new Set<RecipientRole>();
  for (const { event } of occurrences) {
    for (const channel of CHANNELS) {
      for (const role of RECIPIENT_ROLES) if (index.admin.has(`${event}|${channel}|${role}`)) roles.add(role);
    }
  }
  return roles;
}

/** The ticket facts the cascade matches rules on. */
function ticketContext(ticket: TicketRow, statusTo: string | null): TicketContext {
  return { type: ticket.type, serviceId: ticket.service_id, categoryId: ticket.category_id, statusTo };
}

/**
 * Decides who gets what: per catalogue event (most specific first) the candidates by role, minus
 * people who cannot read the ticket (or its internal notes, for internal events) and minus the
 * actor; the cascade picks the channels; a person gets each channel once per domain event.
 */
function plan(
  index: RuleIndex,
  ticket: TicketRow,
  occurrences: readonly Occurrence[],
  people: Map<number, Set<RecipientRole>>,
  actors: Map<number, Actor>,
  skip: number | null,
): Planned[] {
  const planned: Planned[] = [];
  const taken = new Set<string>();
  for (const occurrence of occurrences) {
    const ids = occurrence.onlyUsers ?? [...people.keys()];
    const recipients: Recipient[] = [];
    for (const userId of ids) {
      const person = actors.get(userId);
      if (!person || userId === skip) continue;
      if (!canReadTicket(person, ticket) || (occurrence.internal && !canReadInternal(person))) continue;
      const roles = new Set(people.get(userId) ?? []);
      if (occurrence.asWatchers) roles.add('watchers');
      if (roles.size > 0) recipients.push({ userId, roles: [...roles] });
    }
    const context = ticketContext(ticket, occurrence.statusTo);
    for (const delivery of resolveRecipients(index, occurrence.event, context, recipients, CHANNELS)) {
      for (const channel of delivery.channels) {
        const key = `${delivery.userId}:${channel}`;
        if (taken.has(key)) continue;
        taken.add(key);
        planned.push({ person: actors.get(delivery.userId)!, occurrence, channel });
      }
    }
  }
  return planned;
}

/** Where a person opens the ticket: agents in the agent app, everyone else in the portal. */
function ticketLink(ctx: AppContext, person: Actor, ticketId: number): string {
  return `${ctx.config.publicUrl}/${isAgent(person) ? 'agent' : 'portal'}/tickets/${ticketId}`;
}

/** The generic notification mail (everything but the requester's customer mails), in the person's language. */
function notificationMail(
  ctx: AppContext,
  source: FanOutSource,
  ticket: TicketRow,
  p: Planned,
  actorName: string | null,
): OutboundDraft {
  const locale = p.person.locale;
  const status = p.occurrence.statusTo;
  const statusName = status === null ? null : (ctx.workflow.current().status(status)?.names[locale] ?? status);
  const line = summaryLine(locale, p.occurrence.event, { actor: actorName, number: ticket.number, status: statusName });
  // Field rules: a subject hidden to this person never reaches them.
  const subjectVisible = fieldAccess(p.person, 'subject', { type: ticket.type, status: ticket.status }) !== 'hidden';
  const texts = notificationTextsFor(locale);
  const { html, text } = renderMail({
    texts: textsFor(locale),
    recipientName: p.person.name,
    intro: subjectVisible ? [line, ticket.subject] : [line],
    // Internal text reaches only people who may read internal notes (the plan checked it).
    ...(p.occurrence.messageText !== null && { html: textToHtml(p.occurrence.messageText) }),
    outro: [],
    link: { href: ticketLink(ctx, p.person, ticket.id), label: texts.openTicket },
    footer: [texts.footer],
  });
  return {
    ticketId: ticket.id,
    ticketMessageId: null,
    ticketNumber: ticket.number,
    dedupeKey: `notify:o${source.outboxId}:u${p.person.id}`,
    template: `notify:${p.occurrence.event}`,
    to: p.person.email,
    cc: [],
    subject: taggedSubject(ticket.number, subjectVisible ? `${line}: ${ticket.subject}` : line),
    html,
    text,
    attachmentIds: [],
    // The loop guard is for mail to outsiders; staff notifications are never throttled by it.
    automatic: !isAgent(p.person),
  };
}

/**
 * Fans one domain event out to the people the cascade selects: in-app notifications (plus a live
 * push to that person only) and e-mails through the outbox. Idempotent: every delivery carries a
 * dedupe key made of the outbox event, the person and the channel, so a re-run adds nothing.
 */
export async function fanOut(ctx: AppContext, source: FanOutSource): Promise<{ inApp: number; email: number }> {
  const ticketId = source.payload.ticketId as number;
  const ticket = await findTicketById(ctx.db.kysely, ticketId);
  if (!ticket) return { inApp: 0, email: 0 };
  const occurrences = await occurrencesOf(ctx, source.type, source.payload, ticket);
  if (occurrences.length === 0) return { inApp: 0, email: 0 };

  const settings = await readSettings(ctx.db);
  const actorId = typeof source.payload.actorId === 'number' ? source.payload.actorId : null;
  const index = await currentRuleIndex(ctx.db);
  const people = await recipientRoles(ctx, ticket, rolesInUse(index, occurrences));
  const ids = new Set([...people.keys(), ...occurrences.flatMap((o) => o.onlyUsers ?? [])]);
  if (actorId !== null) ids.add(actorId);
  const actors = await loadActors(ctx.db.kysely, [...ids]);
  const planned = plan(index, ticket, occurrences, people, actors, settings.notifyActor ? null : actorId);
  const actorName = actorId === null ? null : (actors.get(actorId)?.name ?? null);
  const at = ctx.clock.now().toISOString();

  const inApp: Insertable<NotificationTable>[] = [];
  const mails: OutboundDraft[] = [];
  const customerMails: Planned[] = [];
  for (const p of planned) {
    if (p.channel === 'in_app') {
      inApp.push({
        user_id: p.person.id,
        event: p.occurrence.event,
        ticket_id: ticket.id,
        actor_id: actorId,
        params: JSON.stringify(p.occurrence.statusTo === null ? {} : { status: p.occurrence.statusTo }),
        dedupe_key: `o${source.outboxId}:u${p.person.id}:in_app`,
        created_at: at,
        read_at: null,
      });
    } else if (!isDeliverableAddress(p.person.email)) {
      // Placeholder addresses (phone-only customers) get nothing by mail.
    } else if (p.occurrence.customerMail && p.person.id === ticket.requester_id) {
      customerMails.push(p);
    } else {
      mails.push(notificationMail(ctx, source, ticket, p, actorName));
    }
  }

  // Many events notify nobody (no rule, only the actor): skip the empty transaction and its commit.
  const created =
    inApp.length === 0 && mails.length === 0
      ? []
      : await ctx.db.kysely.transaction().execute(async (trx) => {
          const rows = await insertNotificationsOnce(trx, inApp);
          for (const draft of mails) await queueMail(ctx, trx, draft, at, settings.mailAutoRepliesPerHour);
          return rows;
        });
  if (mails.length > 0) ctx.worker.nudge();
  for (const row of created) {
    await ctx.realtime.publish({ type: 'notification.created', notificationId: row.id, userId: row.user_id });
  }
  // The requester's customer mails keep their own composer (CC, solution, attachments) and dedupe keys.
  for (const p of customerMails) {
    const mail = p.occurrence.customerMail!;
    await composeTicketMail(ctx, mail.template, ticket, { dedupeKey: mail.dedupeKey, messageId: mail.messageId });
  }
  return { inApp: created.length, email: mails.length + customerMails.length };
}

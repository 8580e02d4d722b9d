import type { Actor } from '../authz/policy.ts';
import type { AppContext } from '../context.ts';
import { loadActor } from '../modules/auth/actor.ts';
import { createMailAccount } from '../modules/mail/accounts.service.ts';
import { writeSetting } from '../modules/settings/settings.repo.ts';
import { createTicket } from '../modules/tickets/ticket-create.service.ts';
import { addTicketMessage } from '../modules/tickets/ticket-messages.service.ts';
import { transitionTicket } from '../modules/tickets/ticket-transition.service.ts';
import { updateTicket } from '../modules/tickets/ticket-update.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { DEMO_CATEGORIES, DEMO_PASSWORD, DEMO_SERVICES, DEMO_TICKETS, DEMO_USERS } from './demo-content.ts';
import { seedDemoKb } from './seed-demo-kb.ts';
import { seedDemoSla } from './seed-demo-sla.ts';

/** True when the database holds no tickets and no users yet (a fresh install). */
export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const user = await ctx.db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return user === undefined;
}

async function seedCatalogue(
  ctx: AppContext,
  now: string,
): Promise<{ groups: Map<number, number>; organizationId: number }> {
  const db = ctx.db.kysely;
  const groupRows = await db.selectFrom('support_groups').select(['id', 'tier']).execute();
  const groups = new Map(groupRows.map((g) => [g.tier, g.id]));
  const organization = await db
    .insertInto('organizations')
    .values({ name: 'Acme Logistics', domain: 'acme.example', shared_tickets: 0, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const name of DEMO_CATEGORIES)
    await db.insertInto('categories').values({ name, parent_id: null, created_at: now }).execute();
  for (const s of DEMO_SERVICES) {
    await db
      .insertInto('services')
      .values({ name: s.name, description: s.description, group_id: groups.get(s.tier) ?? null, created_at: now })
      .execute();
  }
  return { groups, organizationId: organization.id };
}

/**
 * Demo data: one organization, one user per role (plus customers writing in each language),
 * a service catalogue and a dozen tickets taken through the real services, so history and
 * events look exactly like real use.
 */
export async function seedDemo(ctx: AppContext): Promise<{ email: string; role: string; password: string }[]> {
  const now = ctx.clock.now().toISOString();
  const { groups, organizationId } = await seedCatalogue(ctx, now);
  const actors = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const organization = u.email.endsWith('@acme.example') ? { organizationId } : {};
    const user = await createUser(ctx, { ...u, ...organization, password: DEMO_PASSWORD });
    const tier = u.role === 'operator' ? 1 : u.role === 'engineer' ? 2 : null;
    if (tier !== null)
      await ctx.db.kysely
        .insertInto('group_members')
        .values({ group_id: groups.get(tier)!, user_id: user.id })
        .execute();
    actors.set(u.email, (await loadActor(ctx.db, user.id))!);
  }
  await seedDemoSla(ctx, actors.get('admin@frontdesk.example')!, organizationId);
  // Mail to this address (SMTP listener, `frontdesk mail ingest`) opens first-line tickets.
  await createMailAccount(ctx, actors.get('admin@frontdesk.example')!, {
    name: 'Support mailbox',
    kind: 'inbound',
    address: 'support@frontdesk.example',
    host: null,
    port: null,
    tls: 'implicit',
    allowSelfSigned: false,
    username: null,
    password: null,
    folder: 'INBOX',
    afterImport: 'mark_seen',
    moveTo: null,
    groupId: groups.get(1) ?? null,
    categoryId: null,
    serviceId: null,
    active: true,
  });
  const operator = actors.get('operator@frontdesk.example')!;
  const engineer = actors.get('engineer@frontdesk.example')!;
  const categories = await ctx.db.kysely.selectFrom('categories').select(['id', 'name']).execute();
  const services = await ctx.db.kysely.selectFrom('services').select(['id', 'name']).execute();

  // Sticky ownership would hand every later demo ticket to the engineer; the demo should also
  // show an unassigned first-line queue, so it is off while seeding.
  await writeSetting(ctx.db, 'stickyOwner', false);
  for (const demo of DEMO_TICKETS) {
    const requester = actors.get(demo.requester)!;
    const byPhone = demo.channel === 'phone';
    const ticket = await createTicket(
      ctx,
      byPhone ? operator : requester,
      {
        subject: demo.subject,
        body: demo.body,
        type: demo.type,
        categoryId: categories.find((c) => c.name === demo.category)?.id,
        serviceId: services.find((s) => s.name === demo.service)?.id,
        ...(byPhone && { requesterId: requester.id }),
      },
      byPhone ? 'phone' : 'portal',
    );
    if (demo.priority !== 'normal') await updateTicket(ctx, operator, ticket.id, { priority: demo.priority });
    for (const step of demo.flow) {
      if (step === 'assign') await updateTicket(ctx, operator, ticket.id, { ownerId: engineer.id });
      if (step === 'reply') await addTicketMessage(ctx, engineer, ticket.id, { body: demo.reply ?? '', kind: 'reply' });
      if (step === 'note')
        await addTicketMessage(ctx, engineer, ticket.id, {
          body: 'Checked the logs; see attached notes.',
          kind: 'note',
        });
      if (step === 'wait') await transitionTicket(ctx, engineer, ticket.id, { to: 'waiting_customer' });
      if (step === 'resolve')
        await transitionTicket(ctx, engineer, ticket.id, { to: 'resolved', solution: demo.solution });
      if (step === 'close') await transitionTicket(ctx, requester, ticket.id, { to: 'closed' });
    }
  }
  await writeSetting(ctx.db, 'stickyOwner', true);
  await seedDemoKb(ctx, actors.get('admin@frontdesk.example')!);
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }));
}

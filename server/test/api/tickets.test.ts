import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeOrganization, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('tickets', (dialect) => {
  let t: TestApp;
  let alice: Client;
  let bob: Client;
  let operator: Client;
  let engineer: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    alice = await loginAs(t, await makeUser(t, 'customer', { name: 'Alice' }));
    bob = await loginAs(t, await makeUser(t, 'customer', { name: 'Bob' }));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
  });
  afterEach(async () => t.close());

  it('gives each ticket a unique increasing number and records its creation', async () => {
    const first = await openTicket(alice);
    const second = await openTicket(bob);
    expect(second.number).toBeGreaterThan(first.number);
    expect(first).toMatchObject({ status: 'new', channel: 'portal', requesterId: alice.actor.id, ownerId: null });
    const history = (await alice.get(`/api/v1/tickets/${first.id}/history`)).json().items;
    expect(history).toEqual([
      expect.objectContaining({ field: 'status', from: null, to: 'new', actorId: alice.actor.id }),
    ]);
  });

  it('keeps customers to their own tickets', async () => {
    const mine = await openTicket(alice);
    expect((await bob.get(`/api/v1/tickets/${mine.id}`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/tickets/${mine.id}/messages`)).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/tickets/${mine.id}/messages`, { body: 'hi' })).statusCode).toBe(404);
    const list = (await bob.get('/api/v1/tickets')).json();
    expect(list.items).toHaveLength(0);
    const filtered = (await bob.get(`/api/v1/tickets?requesterId=${alice.actor.id}`)).json();
    expect(filtered.items).toHaveLength(0);
  });

  it('lets organization members see each other only when the organization shares tickets', async () => {
    const shared = await makeOrganization(t, 'Shared Co', { shared: true });
    const a = await loginAs(t, await makeUser(t, 'customer', { organizationId: shared }));
    const b = await loginAs(t, await makeUser(t, 'customer', { organizationId: shared }));
    const ticket = await openTicket(a);
    expect((await b.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(200);
    const closed = await makeOrganization(t, 'Private Co', { shared: false });
    const c = await loginAs(t, await makeUser(t, 'customer', { organizationId: closed }));
    const d = await loginAs(t, await makeUser(t, 'customer', { organizationId: closed }));
    const other = await openTicket(c);
    expect((await d.get(`/api/v1/tickets/${other.id}`)).statusCode).toBe(404);
  });

  it('never shows internal notes to customers', async () => {
    const ticket = await openTicket(alice);
    expect(
      (await operator.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'VIP, handle with care', kind: 'note' }))
        .statusCode,
    ).toBe(201);
    expect((await operator.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'We are on it' })).statusCode).toBe(
      201,
    );
    const seenByCustomer = (await alice.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(seenByCustomer.map((m: { body: string }) => m.body).join()).not.toContain('VIP');
    expect(seenByCustomer).toHaveLength(2);
    const seenByAgent = (await operator.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(seenByAgent.find((m: { kind: string }) => m.kind === 'note')).toMatchObject({ visibility: 'internal' });
    const note = await alice.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'sneaky', kind: 'note' });
    expect(note.statusCode).toBe(403);
  });

  it('refuses writes to fields the role may not write, naming each, and changes nothing', async () => {
    const created = await alice.post('/api/v1/tickets', { subject: 'S', body: 'B', priority: 'urgent' });
    expect(created.statusCode).toBe(403);
    expect(created.json().error).toMatchObject({ code: 'field_forbidden', fields: ['priority'] });
    expect(await t.ctx.db.kysely.selectFrom('tickets').select('id').execute()).toHaveLength(0);

    const ticket = await openTicket(alice);
    const patch = await alice.patch(`/api/v1/tickets/${ticket.id}`, {
      priority: 'urgent',
      ownerId: engineer.actor.id,
      subject: 'x',
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.fields).toEqual(['subject', 'priority', 'ownerId']);
    const after = (await operator.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(after).toMatchObject({ priority: 'normal', ownerId: null, subject: ticket.subject, status: 'new' });
    expect((await operator.get(`/api/v1/tickets/${ticket.id}/history`)).json().items).toHaveLength(1);
  });

  it('hides fields the role may not read', async () => {
    const ticket = await openTicket(alice);
    const asCustomer = (await alice.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(asCustomer).not.toHaveProperty('groupId');
    expect(asCustomer.abilities.fields).not.toHaveProperty('groupId');
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json()).toHaveProperty('groupId');
  });

  it('validates input and names the fields', async () => {
    const res = await alice.post('/api/v1/tickets', { subject: '', type: 'Banana!' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(expect.arrayContaining(['subject', 'body', 'type']));
    const unknownType = await alice.post('/api/v1/tickets', { subject: 'S', body: 'B', type: 'banana' });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error.fields).toEqual(['type']);
    const badRef = await alice.post('/api/v1/tickets', { subject: 'S', body: 'B', categoryId: 9999 });
    expect(badRef.statusCode).toBe(400);
    expect(badRef.json().error.fields).toEqual(['categoryId']);
  });

  it('refuses text holding a NUL character, naming the field, and stores nothing', async () => {
    const newest = async () => (await operator.get('/api/v1/tickets?limit=1')).json().items[0]?.id;
    const before = await newest();
    const res = await alice.post('/api/v1/tickets', { subject: 'Printer\u0000', body: 'B' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(['subject']);
    const search = await alice.get('/api/v1/search?q=print%00er');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.fields).toEqual(['q']);
    expect(await newest()).toBe(before);
  });

  it('lets operators log a phone call on behalf of a customer and assign it', async () => {
    const res = await operator.post('/api/v1/tickets', {
      subject: 'Called: VPN down',
      body: 'Customer called, VPN error 809',
      requesterId: alice.actor.id,
      channel: 'phone',
      priority: 'high',
    });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({ channel: 'phone', requesterId: alice.actor.id, priority: 'high' });
    const messages = (await alice.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(messages[0]).toMatchObject({ kind: 'phone', visibility: 'public' });
    const assigned = await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id });
    expect(assigned.json()).toMatchObject({ status: 'assigned', ownerId: engineer.actor.id });
    const history = (await operator.get(`/api/v1/tickets/${ticket.id}/history`)).json().items;
    expect(history.slice(-2)).toEqual([
      expect.objectContaining({
        field: 'ownerId',
        from: null,
        to: String(engineer.actor.id),
        actorId: operator.actor.id,
      }),
      expect.objectContaining({ field: 'status', from: 'new', to: 'assigned' }),
    ]);
    // A customer cannot open tickets for someone else.
    const onBehalf = await bob.post('/api/v1/tickets', { subject: 'S', body: 'B', requesterId: alice.actor.id });
    expect(onBehalf.statusCode).toBe(403);
    expect(onBehalf.json().error.fields).toEqual(['requesterId']);
  });

  it('shows engineers their own and their group tickets only', async () => {
    const viaOwner = await openTicket(alice, { subject: 'assigned to engineer' });
    await operator.patch(`/api/v1/tickets/${viaOwner.id}`, { ownerId: engineer.actor.id });
    const firstLine = await openTicket(bob, { subject: 'first line only' });
    const list = (await engineer.get('/api/v1/tickets')).json().items.map((i: { id: number }) => i.id);
    expect(list).toEqual([viaOwner.id]);
    expect((await engineer.get(`/api/v1/tickets/${firstLine.id}`)).statusCode).toBe(404);
    const manager = await loginAs(t, await makeUser(t, 'manager'));
    expect((await manager.get('/api/v1/tickets')).json().items).toHaveLength(2);
  });

  it('counts queues and pages through them with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await openTicket(alice, { subject: `ticket ${i}` });
      t.clock.advance(1000);
    }
    const counts = (await operator.get('/api/v1/tickets/queues')).json().items;
    expect(counts).toEqual(
      expect.arrayContaining([
        { key: 'unassigned', count: 5 },
        { key: 'mine', count: 0 },
      ]),
    );
    const page1 = (await operator.get('/api/v1/tickets?queue=unassigned&limit=2')).json();
    expect(page1.items.map((i: { subject: string }) => i.subject)).toEqual(['ticket 4', 'ticket 3']);
    const page2 = (await operator.get(`/api/v1/tickets?queue=unassigned&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { subject: string }) => i.subject)).toEqual(['ticket 2', 'ticket 1']);
    const page3 = (await operator.get(`/api/v1/tickets?queue=unassigned&limit=2&cursor=${page2.nextCursor}`)).json();
    expect(page3.items.map((i: { subject: string }) => i.subject)).toEqual(['ticket 0']);
    expect(page3.nextCursor).toBeNull();
    const both = (await operator.get('/api/v1/tickets?status=new,resolved')).json();
    expect(both.items).toHaveLength(5);
    expect((await operator.get('/api/v1/tickets?status=new&status=bogus')).statusCode).toBe(400);
    const byNumber = (await operator.get(`/api/v1/tickets?q=%23${page1.items[0].number}`)).json();
    expect(byNumber.items).toHaveLength(1);
    expect((await operator.get('/api/v1/tickets/queues')).statusCode).toBe(200);
    expect((await alice.get('/api/v1/tickets/queues')).statusCode).toBe(403);
  });

  it('stores and shows HTML without scripts', async () => {
    const ticket = await openTicket(alice, {
      body: '<p>Hello<script>alert(1)</script><img src=x onerror=alert(2)></p>',
    });
    await operator.post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: '<b onclick="x()">Bold</b><iframe src="//evil"></iframe>',
    });
    const stored = await t.ctx.db.kysely.selectFrom('ticket_messages').select('body_html').execute();
    const all = stored.map((r) => r.body_html).join('\n');
    expect(all).not.toMatch(/script|onerror|onclick|iframe/i);
    expect(all).toContain('<b>Bold</b>');
    const shown = (await alice.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(JSON.stringify(shown)).not.toMatch(/<script/i);
  });

  it('refuses user management to everyone but admins', async () => {
    const payload = { email: 'new@example.test', name: 'New', role: 'admin', password: 'longenough' };
    expect((await engineer.post('/api/v1/users', payload)).statusCode).toBe(403);
    expect((await operator.post('/api/v1/users', payload)).statusCode).toBe(403);
    expect((await alice.get('/api/v1/users')).statusCode).toBe(403);
    expect((await engineer.patch(`/api/v1/users/${alice.actor.id}`, { active: false })).statusCode).toBe(403);
  });

  it('stores uploads and shows them only to those who may see the message', async () => {
    const form = new FormData();
    form.append('file', new Blob(['log line 1\n']), 'app.log');
    const boundary = `----fd${Date.now()}`;
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="app.log"\r\nContent-Type: text/plain\r\n\r\nlog line 1\n\r\n--${boundary}--\r\n`;
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: {
        cookie: `fd_session=${alice.cookie}`,
        'x-csrf-token': alice.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: body,
    });
    expect(upload.statusCode).toBe(201);
    const [file] = upload.json().items;
    const ticket = await openTicket(alice, { attachmentIds: [file.id] });
    const messages = (await operator.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(messages[0].attachments).toEqual([expect.objectContaining({ id: file.id, filename: 'app.log' })]);
    const download = await operator.get(`/api/v1/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('log line 1\n');
    expect((await bob.get(`/api/v1/attachments/${file.id}`)).statusCode).toBe(404);
    // The same upload cannot be attached twice or by someone else.
    expect((await bob.post('/api/v1/tickets', { subject: 'S', body: 'B', attachmentIds: [file.id] })).statusCode).toBe(
      400,
    );
  });

  it('exports the listed tickets as CSV, safe to open in a spreadsheet', async () => {
    await openTicket(alice, { subject: '=HYPERLINK("http://evil")' });
    await openTicket(alice, { subject: 'Printer, "quoted"' });
    await openTicket(bob, { subject: 'Bob only' });
    const res = await alice.get('/api/v1/tickets/export');
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['number', 'status', 'subject', 'requester']));
    expect(lines[0]).not.toContain('groupId');
    expect(lines).toHaveLength(3);
    expect(res.body).not.toContain('Bob only');
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).toContain('"Printer, ""quoted"""');
  });
});

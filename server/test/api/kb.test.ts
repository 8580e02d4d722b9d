import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, loginAs, makeOrganization, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

interface ListItem {
  id: number;
  title: string;
  status: string;
}

describeEachDialect('knowledge base', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client; // tier-1 group, writes articles
  let engineer: Client; // tier-2 group
  let manager: Client;
  let customerA: Client;
  let customerB: Client;
  let orgA = 0;
  let tier1 = 0;
  const ids: Record<string, number> = {};

  const anon = (method: 'GET' | 'POST', url: string, payload?: object, cookie?: string) =>
    t.app.inject({ method, url, ...(payload && { payload }), ...(cookie && { headers: { cookie } }) });

  async function article(name: string, body: Record<string, unknown>, publish = true): Promise<number> {
    const res = await admin.post('/api/v1/kb/articles', {
      locale: 'en',
      title: `Printer ${name}`,
      bodyHtml: `<p>How to fix the printer (${name}).</p>`,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    if (publish) expect((await admin.post(`/api/v1/kb/articles/${id}/publish`)).statusCode).toBe(200);
    ids[name] = id;
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    orgA = await makeOrganization(t, 'Org A');
    const orgB = await makeOrganization(t, 'Org B');
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1, name: 'Olga Operator' }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
    manager = await loginAs(t, await makeUser(t, 'manager'));
    customerA = await loginAs(t, await makeUser(t, 'customer', { organizationId: orgA }));
    customerB = await loginAs(t, await makeUser(t, 'customer', { organizationId: orgB }));
    tier1 = (
      await t.ctx.db.kysely.selectFrom('support_groups').select('id').where('tier', '=', 1).executeTakeFirstOrThrow()
    ).id;
    const staffCategory = await admin.post('/api/v1/kb/categories', {
      name: 'Internal',
      slug: 'internal',
      parentId: null,
      position: 0,
      visibility: 'staff',
    });
    expect(staffCategory.statusCode).toBe(201);
    await article('public', { visibility: 'public' });
    await article('customers', { visibility: 'customers' });
    await article('orgA', { visibility: 'customers', organizationIds: [orgA] });
    await article('staff', { visibility: 'staff' });
    await article('tier1', { visibility: 'restricted', groupIds: [tier1] });
    await article('inStaffCategory', { visibility: 'public', categoryId: staffCategory.json().id });
    await article('draft', { visibility: 'public' }, false);
    // Suggestions read the search index, written through the outbox after commit.
    await t.ctx.worker.drain();
  });
  afterAll(async () => t.close());

  const VISIBLE: Record<string, string[]> = {
    anonymous: ['public'],
    customerA: ['public', 'customers', 'orgA'],
    customerB: ['public', 'customers'],
    operator: ['public', 'customers', 'orgA', 'staff', 'tier1', 'inStaffCategory'],
    engineer: ['public', 'customers', 'orgA', 'staff', 'inStaffCategory'],
  };
  const names = (list: number[]) =>
    Object.entries(ids)
      .filter(([, id]) => list.includes(id))
      .map(([name]) => name)
      .sort();
  const get = (who: string, url: string) => {
    const client = { customerA, customerB, operator, engineer }[who];
    return client ? client.get(url) : anon('GET', url);
  };

  it('applies visibility to lists, single reads and suggestions for every kind of reader', async () => {
    for (const [who, expected] of Object.entries(VISIBLE)) {
      const listed = (await get(who, '/api/v1/kb/articles?status=published')).json() as ListItem[];
      expect(names(listed.map((a) => a.id)), `${who} list`).toEqual([...expected].sort());
      const suggested = (await get(who, '/api/v1/kb/suggest?q=printer%20broken&limit=20')).json().items as ListItem[];
      expect(names(suggested.map((a) => a.id)), `${who} suggestions`).toEqual([...expected].sort());
      for (const [name, id] of Object.entries(ids)) {
        if (name === 'draft') continue;
        const status = (await get(who, `/api/v1/kb/articles/${id}`)).statusCode;
        expect(status, `${who} reads ${name}`).toBe(expected.includes(name) ? 200 : 404);
      }
    }
  });

  it('shows drafts to editors only and never suggests them', async () => {
    expect((await anon('GET', `/api/v1/kb/articles/${ids.draft}`)).statusCode).toBe(404);
    expect((await customerA.get(`/api/v1/kb/articles/${ids.draft}`)).statusCode).toBe(404);
    expect((await operator.get(`/api/v1/kb/articles/${ids.draft}`)).statusCode).toBe(200);
    const drafts = (await operator.get('/api/v1/kb/articles?status=draft')).json() as ListItem[];
    expect(drafts.map((a) => a.id)).toEqual([ids.draft]);
    const refused = await customerA.get('/api/v1/kb/articles?status=draft');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual(['status']);
    const suggested = (await operator.get('/api/v1/kb/suggest?q=printer&limit=20')).json().items as ListItem[];
    expect(suggested.map((s) => s.id)).not.toContain(ids.draft);
  });

  it('hides who an article is limited to from customers and categories they may not see', async () => {
    const forCustomer = (await customerA.get(`/api/v1/kb/articles/${ids.orgA}`)).json();
    expect(forCustomer.organizationIds).toEqual([]);
    const forStaff = (await operator.get(`/api/v1/kb/articles/${ids.orgA}`)).json();
    expect(forStaff.organizationIds).toEqual([orgA]);
    expect(((await customerA.get('/api/v1/kb/categories')).json() as unknown[]).length).toBe(0);
    expect(((await operator.get('/api/v1/kb/categories')).json() as unknown[]).length).toBe(1);
  });

  it('keeps every save as a version, diffs two versions and restores an old one as a new version', async () => {
    const id = ids.public;
    const save = (title: string, bodyHtml: string, locale = 'en') =>
      operator.put(`/api/v1/kb/articles/${id}/translations/${locale}`, { title, bodyHtml });
    expect((await save('Printer public', '<p>Turn the printer off and on again.</p>')).statusCode).toBe(200);
    const uk = await save('Принтер', '<p>Вимкніть і ввімкніть принтер.</p><script>alert(1)</script>', 'uk');
    expect(uk.statusCode).toBe(200);
    const ukText = uk.json().translations.find((tr: { locale: string }) => tr.locale === 'uk');
    expect(ukText.bodyHtml).toBe('<p>Вимкніть і ввімкніть принтер.</p>');

    const versions = (await operator.get(`/api/v1/kb/articles/${id}/versions?locale=en`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const [v2, v1] = versions;
    const diff = (await operator.get(`/api/v1/kb/articles/${id}/diff?from=${v1.id}&to=${v2.id}`)).json();
    expect(diff.body).toContainEqual({ op: 'insert', text: 'Turn' });
    expect(diff.body).toContainEqual({ op: 'delete', text: 'How to fix' });

    const restored = await operator.post(`/api/v1/kb/articles/${id}/versions/${v1.id}/restore`);
    expect(restored.statusCode).toBe(200);
    const en = restored.json().translations.find((tr: { locale: string }) => tr.locale === 'en');
    expect(en.bodyHtml).toBe(v1.bodyHtml);
    const after = (await operator.get(`/api/v1/kb/articles/${id}/versions?locale=en`)).json();
    expect(after.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    // The Ukrainian reader gets the Ukrainian title in lists.
    const list = (await anon('GET', '/api/v1/kb/articles?locale=uk')).json() as ListItem[];
    expect(list.find((a) => a.id === id)?.title).toBe('Принтер');

    const badDiff = await operator.get(`/api/v1/kb/articles/${id}/diff?from=${v1.id}&to=999999`);
    expect(badDiff.statusCode).toBe(400);
    expect(badDiff.json().error.fields).toEqual(['to']);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'kb_article')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('restore_version');
    const events = await t.ctx.db.kysely
      .selectFrom('outbox')
      .select('payload')
      .where('type', '=', 'kb.article_changed')
      .execute();
    expect(events.filter((e) => JSON.parse(e.payload).articleId === id).length).toBeGreaterThanOrEqual(5);
  });

  it('counts one helpful vote per user or visitor; a second vote replaces the first', async () => {
    const id = ids.customers;
    const vote = (client: Client, helpful: boolean, comment?: string) =>
      client.post(`/api/v1/kb/articles/${id}/feedback`, { helpful, ...(comment && { comment }) });
    await vote(customerA, true);
    expect((await vote(customerA, true)).json()).toEqual({ helpfulYes: 1, helpfulNo: 0 });
    expect((await vote(customerB, false, 'Did not work for me')).json()).toEqual({ helpfulYes: 1, helpfulNo: 1 });
    expect((await vote(customerA, false)).json()).toEqual({ helpfulYes: 0, helpfulNo: 2 });
    // Staff-only articles take no votes from customers, as if they did not exist.
    expect((await customerA.post(`/api/v1/kb/articles/${ids.staff}/feedback`, { helpful: true })).statusCode).toBe(404);

    const first = await anon('POST', `/api/v1/kb/articles/${ids.public}/feedback`, { helpful: true });
    const cookie = first.cookies.find((c) => c.name === 'fd_kb_visitor')!;
    const again = await anon(
      'POST',
      `/api/v1/kb/articles/${ids.public}/feedback`,
      { helpful: true },
      `fd_kb_visitor=${cookie.value}`,
    );
    expect(again.json()).toEqual({ helpfulYes: 1, helpfulNo: 0 });
    const other = await anon('POST', `/api/v1/kb/articles/${ids.public}/feedback`, { helpful: true });
    expect(other.json()).toEqual({ helpfulYes: 2, helpfulNo: 0 });
    const bad = await anon('POST', `/api/v1/kb/articles/${ids.public}/feedback`, { helpful: 'maybe' });
    expect(bad.statusCode).toBe(400);
  });

  it('creates a draft from a resolved ticket with public parts only, linked to the ticket', async () => {
    const ticket = await openTicket(customerA, { subject: 'Scanner jams', body: 'The scanner jams on page two.' });
    await operator.post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: 'SECRET internal password hint',
      kind: 'note',
    });
    const early = await operator.post(`/api/v1/kb/articles/from-ticket/${ticket.id}`);
    expect(early.statusCode).toBe(409);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: operator.actor.id });
    await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'in_progress' });
    const resolved = await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, {
      to: 'resolved',
      solution: 'Clean the rollers.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const res = await operator.post(`/api/v1/kb/articles/from-ticket/${ticket.id}`);
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({ status: 'draft', visibility: 'staff', sourceTicketId: ticket.id });
    const text = draft.translations[0];
    expect(text.title).toBe('Scanner jams');
    expect(text.bodyHtml).toContain('The scanner jams on page two.');
    expect(text.bodyHtml).toContain('Clean the rollers.');
    expect(text.bodyHtml).not.toContain('SECRET');
    // A customer cannot, and an agent who cannot read the ticket gets 404.
    expect((await customerA.post(`/api/v1/kb/articles/from-ticket/${ticket.id}`)).statusCode).toBe(403);
  });

  it('records deflections and marks them converted when the same customer then opens a ticket', async () => {
    // Tickets of earlier tests (customerA's) were opened before these suggestions.
    t.clock.advance(60_000);
    const open = await customerB.post('/api/v1/kb/deflections', { articleId: ids.customers, query: 'printer broken' });
    expect(open.statusCode).toBe(201);
    await customerB.post('/api/v1/kb/deflections', { articleId: ids.public, query: 'printer broken' });
    // customerA opened one and did not submit a ticket afterwards: a deflection.
    await customerA.post('/api/v1/kb/deflections', { articleId: ids.orgA, query: 'printer' });
    const hidden = await customerB.post('/api/v1/kb/deflections', { articleId: ids.staff, query: 'x' });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields).toEqual(['articleId']);
    t.clock.advance(60_000);
    await openTicket(customerB, { subject: 'Printer still broken' });
    await t.ctx.worker.drain();
    // Running the handler again changes nothing (idempotent).
    await t.ctx.worker.drain();
    const report = (await manager.get('/api/v1/kb/reports/deflections')).json();
    expect(report).toMatchObject({ opened: 3, converted: 2, deflected: 1 });
    expect(report.articles.find((a: { articleId: number }) => a.articleId === ids.orgA)).toMatchObject({
      opened: 1,
      deflected: 1,
    });
    expect((await operator.get('/api/v1/kb/reports/deflections')).statusCode).toBe(403);
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const before = await t.ctx.db.kysely.selectFrom('kb_articles').select('id').execute();
    const cases: [Record<string, unknown>, string][] = [
      [{ locale: 'en', title: '  ', bodyHtml: '' }, 'title'],
      [{ locale: 'en', title: 'x', bodyHtml: '', visibility: 'restricted' }, 'roleIds'],
      [{ locale: 'en', title: 'x', bodyHtml: '', visibility: 'public', organizationIds: [orgA] }, 'organizationIds'],
      [{ locale: 'en', title: 'x', bodyHtml: '', categoryId: 99999 }, 'categoryId'],
      [
        { locale: 'en', title: 'x', bodyHtml: '', visibility: 'customers', organizationIds: [99999] },
        'organizationIds',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await operator.post('/api/v1/kb/articles', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields).toEqual([field]);
    }
    const loose = await admin.post('/api/v1/kb/categories', {
      name: 'Open child',
      slug: 'open-child',
      parentId: (await admin.get('/api/v1/kb/categories')).json()[0].id,
      position: 1,
      visibility: 'public',
    });
    expect(loose.statusCode).toBe(400);
    expect(loose.json().error.fields).toEqual(['visibility']);
    expect((await operator.post(`/api/v1/kb/articles/${ids.draft}/publish`)).statusCode).toBe(403);
    expect(await t.ctx.db.kysely.selectFrom('kb_articles').select('id').execute()).toEqual(before);
  });

  it('serves article images only to readers of the article', async () => {
    const boundary = '----kbtest';
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="shot.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = async (id: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/kb/articles/${id}/files`,
        headers: {
          cookie: `fd_session=${operator.cookie}`,
          'x-csrf-token': operator.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
    const pub = await upload(ids.public);
    expect(pub.statusCode, pub.body).toBe(201);
    const staffFile = (await upload(ids.staff)).json();
    const image = await anon('GET', pub.json().url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await anon('GET', staffFile.url)).statusCode).toBe(404);
    expect((await customerA.get(staffFile.url)).statusCode).toBe(404);
    expect((await operator.get(staffFile.url)).statusCode).toBe(200);
    // The editor puts the file's URL into the article; the sanitizer keeps it and drops scripts.
    const saved = await operator.put(`/api/v1/kb/articles/${ids.public}/translations/ro`, {
      title: 'Imprimanta',
      bodyHtml: `<p>Vezi:</p><img src="${pub.json().url}" alt="shot"><img src="javascript:alert(1)">`,
    });
    const ro = saved.json().translations.find((tr: { locale: string }) => tr.locale === 'ro');
    expect(ro.bodyHtml).toBe(`<p>Vezi:</p><img src="${pub.json().url}" alt="shot" /><img />`);
  });

  it('restricts by role, keeps audience changes of published articles to owners, lists comments and deletes', async () => {
    const engineerRole = await t.ctx.db.kysely
      .selectFrom('roles')
      .select('id')
      .where('key', '=', 'engineer')
      .executeTakeFirstOrThrow();
    const created = await admin.post('/api/v1/kb/articles', {
      locale: 'en',
      title: 'Second-line runbook',
      bodyHtml: '<p>Reset the fuser.</p>',
      visibility: 'restricted',
      roleIds: [engineerRole.id],
    });
    const id = created.json().id as number;
    await admin.post(`/api/v1/kb/articles/${id}/publish`);
    await t.ctx.worker.drain();
    expect((await engineer.get(`/api/v1/kb/articles/${id}`)).statusCode).toBe(200);
    expect((await operator.get(`/api/v1/kb/articles/${id}`)).statusCode).toBe(404);
    const fuser = (await engineer.get('/api/v1/kb/suggest?q=fuser')).json().items as ListItem[];
    expect(fuser.map((a) => a.id)).toEqual([id]);
    expect((await operator.get('/api/v1/kb/suggest?q=fuser')).json().items).toEqual([]);

    // An editor may retag a published article but not widen who reads it.
    const widen = await engineer.patch(`/api/v1/kb/articles/${id}`, { visibility: 'public' });
    expect(widen.statusCode).toBe(403);
    expect((await engineer.get(`/api/v1/kb/articles/${id}`)).json().visibility).toBe('restricted');
    const retag = await engineer.patch(`/api/v1/kb/articles/${id}`, { tags: ['Fuser', 'fuser', 'printer'] });
    expect(retag.statusCode).toBe(200);
    expect(retag.json().tags).toEqual(['fuser', 'printer']);
    expect((await manager.patch(`/api/v1/kb/articles/${id}`, { visibility: 'staff' })).json()).toMatchObject({
      visibility: 'staff',
      roleIds: [],
    });

    const comments = (await operator.get(`/api/v1/kb/articles/${ids.customers}/feedback`)).json();
    expect(comments).toContainEqual(expect.objectContaining({ helpful: false, comment: 'Did not work for me' }));
    expect((await customerA.get(`/api/v1/kb/articles/${ids.customers}/feedback`)).statusCode).toBe(403);

    expect((await operator.del(`/api/v1/kb/articles/${id}`)).statusCode).toBe(403);
    expect((await manager.del(`/api/v1/kb/articles/${id}`)).statusCode).toBe(204);
    expect((await manager.get(`/api/v1/kb/articles/${id}`)).statusCode).toBe(404);
  });

  it('suggests across scripts: any case in Cyrillic, Romanian with or without diacritics, two-character Chinese', async () => {
    const make = async (locale: string, title: string, bodyHtml: string) => {
      const res = await admin.post('/api/v1/kb/articles', { locale, title, bodyHtml, visibility: 'public' });
      await admin.post(`/api/v1/kb/articles/${res.json().id}/publish`);
      return res.json().id as number;
    };
    const uk = await make('uk', 'Сканер не вмикається', '<p>Перевірте кабель живлення.</p>');
    const ro = await make('ro', 'Scanerul afișează eroare', '<p>Ștergeți geamul scanerului.</p>');
    const zh = await make('zh', '扫描仪卡纸', '<p>打开盖子取出纸张。</p>');
    await t.ctx.worker.drain();
    const suggest = async (q: string) =>
      ((await anon('GET', `/api/v1/kb/suggest?q=${encodeURIComponent(q)}`)).json().items as ListItem[]).map(
        (a) => a.id,
      );
    expect(await suggest('СКАНЕР')).toEqual([uk]);
    expect(await suggest('кабель')).toEqual([uk]);
    expect(await suggest('afiseaza eroare')).toEqual([ro]);
    expect(await suggest('ştergeţi')).toEqual([ro]);
    expect(await suggest('卡纸')).toEqual([zh]);
    expect(await suggest('50%_')).toEqual([]);
  });
});

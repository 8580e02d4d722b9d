import { afterAll, beforeAll, expect, it } from 'vitest';
import { countDocuments } from '../../modules/search/search.repo.ts';
import { reindex } from '../../modules/search/search-index.service.ts';
import { type Client, loginAs, makeOrganization, makeUser } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

/**
 * Knowledge-base articles in the search service (ADR 0021, 0022): indexed through the outbox,
 * found by `GET /search?type=article` and by `/kb/suggest` with the same tokenizer, and only by
 * those the knowledge base's visibility rule lets read them. Same cases on both databases.
 */
describeEachDialect('search: knowledge-base articles', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client; // tier-1 group
  let engineer: Client; // tier-2 group, engineer role
  let customerA: Client;
  let customerB: Client;
  const ids: Record<string, number> = {};

  const anonGet = (url: string) => t.app.inject({ method: 'GET', url });
  async function searchIds(client: Client, q: string): Promise<number[]> {
    const res = await client.get(`/api/v1/search?type=article&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number; type: string }[]).map((i) => i.id).sort((a, b) => a - b);
  }
  async function suggestIds(client: Client | null, q: string): Promise<number[]> {
    const url = `/api/v1/kb/suggest?limit=20&q=${encodeURIComponent(q)}`;
    const res = client ? await client.get(url) : await anonGet(url);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
  }
  /** Both entry points must give the same articles. */
  async function found(client: Client, q: string): Promise<number[]> {
    const viaSearch = await searchIds(client, q);
    expect(await suggestIds(client, q), `suggest ${q}`).toEqual(viaSearch);
    return viaSearch;
  }
  async function article(name: string, body: Record<string, unknown>, publish = true): Promise<number> {
    const res = await admin.post('/api/v1/kb/articles', { locale: 'en', visibility: 'public', ...body });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    if (publish) expect((await admin.post(`/api/v1/kb/articles/${id}/publish`)).statusCode).toBe(200);
    ids[name] = id;
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const orgA = await makeOrganization(t, 'Org A');
    const orgB = await makeOrganization(t, 'Org B');
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
    customerA = await loginAs(t, await makeUser(t, 'customer', { organizationId: orgA }));
    customerB = await loginAs(t, await makeUser(t, 'customer', { organizationId: orgB }));
    const engineerRole = await t.ctx.db.kysely
      .selectFrom('roles')
      .select('id')
      .where('key', '=', 'engineer')
      .executeTakeFirstOrThrow();

    await article('zh', { locale: 'zh', title: '打印机无法连接', bodyHtml: '<p>请重新启动打印机和路由器。</p>' });
    await article('uk', { locale: 'uk', title: 'Принтер не друкує', bodyHtml: '<p>Перевірте картридж принтера.</p>' });
    await article('ro', {
      locale: 'ro',
      title: 'Imprimanta afișează eroare',
      bodyHtml: '<p>Ștergeți coada de tipărire.</p>',
    });
    await article('prefix', { title: 'Configuring the thermostat', bodyHtml: '<p>Open the thermostat settings.</p>' });
    await article('staff', { visibility: 'staff', title: 'Gizmo internal runbook', bodyHtml: '<p>Gizmo reset.</p>' });
    await article('orgA', {
      visibility: 'customers',
      organizationIds: [orgA],
      title: 'Gizmo for Org A',
      bodyHtml: '<p>Gizmo portal of Org A.</p>',
    });
    await article('role', {
      visibility: 'restricted',
      roleIds: [engineerRole.id],
      title: 'Gizmo engineer notes',
      bodyHtml: '<p>Gizmo calibration.</p>',
    });
    await article('draft', { title: 'Gizmo draft', bodyHtml: '<p>Gizmo not ready.</p>' }, false);
    await article('archived', { title: 'Quokka manual', bodyHtml: '<p>Quokka feeding.</p>' });
    await t.ctx.worker.drain();
  });
  afterAll(async () => t.close());

  it('finds a published article by a Chinese word, a Ukrainian word form, Romanian without diacritics and a prefix', async () => {
    expect(await found(customerA, '打印')).toEqual([ids.zh]);
    expect(await found(customerA, 'принтером')).toEqual([ids.uk]);
    expect(await found(customerA, 'afiseaza')).toEqual([ids.ro]);
    expect(await found(customerA, 'stergeti')).toEqual([ids.ro]);
    expect(await found(customerA, 'thermo')).toEqual([ids.prefix]);
    expect(await suggestIds(null, '打印')).toEqual([ids.zh]);
    const hit = (await customerA.get('/api/v1/search?type=article&q=thermo')).json().items[0];
    expect(hit).toMatchObject({ type: 'article', id: ids.prefix, title: 'Configuring the thermostat' });
    expect(hit.snippet).toContain('<mark>');
  });

  it('applies the knowledge base visibility in search and suggestions', async () => {
    expect(await found(customerA, 'gizmo')).toEqual([ids.orgA]);
    expect(await found(customerB, 'gizmo')).toEqual([]);
    expect(await suggestIds(null, 'gizmo')).toEqual([]);
    expect(await found(operator, 'gizmo')).toEqual([ids.staff, ids.orgA].sort((a, b) => a - b));
    expect(await found(engineer, 'gizmo')).toEqual([ids.staff, ids.orgA, ids.role].sort((a, b) => a - b));
    // Drafts are never found, not even by their editors.
    expect(await found(admin, 'draft')).toEqual([]);
    // A mixed search by a customer carries no staff article either.
    const mixed = (await customerB.get('/api/v1/search?q=gizmo')).json().items as { type: string }[];
    expect(mixed.filter((i) => i.type === 'article')).toEqual([]);
  });

  it('follows a change of visibility at once and drops archived and deleted articles from the index', async () => {
    expect(await found(customerB, 'quokka')).toEqual([ids.archived]);
    // Narrowed: the live rule applies even before the outbox runs.
    expect((await admin.patch(`/api/v1/kb/articles/${ids.archived}`, { visibility: 'staff' })).statusCode).toBe(200);
    expect(await found(customerB, 'quokka')).toEqual([]);
    expect(await found(operator, 'quokka')).toEqual([ids.archived]);
    await t.ctx.worker.drain();
    expect(await found(operator, 'quokka')).toEqual([ids.archived]);
    expect((await admin.post(`/api/v1/kb/articles/${ids.archived}/archive`)).statusCode).toBe(200);
    expect(await found(operator, 'quokka')).toEqual([]);
    await t.ctx.worker.drain();
    const docs = await t.ctx.db.kysely
      .selectFrom('search_documents')
      .select('id')
      .where('type', '=', 'article')
      .where('object_id', '=', ids.archived)
      .execute();
    expect(docs).toEqual([]);
    // A draft has no document at all; a deleted article loses its own.
    expect(await documentsOf(ids.draft)).toBe(0);
    expect(await documentsOf(ids.prefix)).toBe(1);
    expect((await admin.del(`/api/v1/kb/articles/${ids.prefix}`)).statusCode).toBe(204);
    await t.ctx.worker.drain();
    expect(await documentsOf(ids.prefix)).toBe(0);
    expect(await found(customerA, 'thermo')).toEqual([]);
  });

  it('indexes each translation and shows the reader their own language', async () => {
    const id = await article('translated', { title: 'Wombat printer guide', bodyHtml: '<p>Wombat steps.</p>' });
    const put = await admin.put(`/api/v1/kb/articles/${id}/translations/uk`, {
      title: 'Посібник wombat',
      bodyHtml: '<p>Кроки wombat.</p>',
    });
    expect(put.statusCode, put.body).toBe(200);
    await t.ctx.worker.drain();
    expect(await documentsOf(id)).toBe(2);
    const inUk = (await anonGet('/api/v1/kb/suggest?q=wombat&locale=uk')).json().items;
    expect(inUk).toEqual([expect.objectContaining({ id, locale: 'uk', title: 'Посібник wombat' })]);
    const inEn = (await anonGet('/api/v1/kb/suggest?q=wombat&locale=en')).json().items;
    expect(inEn).toEqual([expect.objectContaining({ id, locale: 'en', title: 'Wombat printer guide' })]);
  });

  it('suggests from free text when only some of its words match, and rebuilds the same index twice', async () => {
    expect(await suggestIds(customerA, 'my thermostat and the gizmo are broken')).toEqual([ids.orgA]);
    const before = await countDocuments(t.ctx.db.kysely, 'article');
    const answer = await searchIds(engineer, 'gizmo');
    await reindex(t.ctx, ['article']);
    await reindex(t.ctx, ['article']);
    expect(await countDocuments(t.ctx.db.kysely, 'article')).toBe(before);
    expect(await searchIds(engineer, 'gizmo')).toEqual(answer);
  });

  async function documentsOf(articleId: number): Promise<number> {
    const rows = await t.ctx.db.kysely
      .selectFrom('search_documents')
      .select('id')
      .where('type', '=', 'article')
      .where('object_id', '=', articleId)
      .execute();
    return rows.length;
  }
});

import type { Actor } from '../authz/policy.ts';
import type { AppContext } from '../context.ts';
import { createCanned } from '../modules/canned/canned.service.ts';
import { createArticle, saveArticleTranslation, setArticleStatus } from '../modules/kb/kb-articles.service.ts';
import { createCategory } from '../modules/kb/kb-categories.service.ts';

/**
 * Demo knowledge base: a public printing article in three languages (suggested when a customer
 * describes a printer problem), a customers-only Wi-Fi article, a staff-only runbook, and two
 * global canned responses. Written through the services, like the demo tickets.
 */
export async function seedDemoKb(ctx: AppContext, admin: Actor): Promise<void> {
  const printing = await createCategory(ctx, admin, {
    name: 'Printing',
    slug: 'printing',
    parentId: null,
    position: 0,
    visibility: 'public',
  });
  const network = await createCategory(ctx, admin, {
    name: 'Network and Wi-Fi',
    slug: 'network',
    parentId: null,
    position: 1,
    visibility: 'customers',
  });
  const internal = await createCategory(ctx, admin, {
    name: 'Runbooks',
    slug: 'runbooks',
    parentId: null,
    position: 2,
    visibility: 'staff',
  });

  const blank = await createArticle(ctx, admin, {
    locale: 'en',
    title: 'The printer prints blank pages',
    bodyHtml:
      '<p>Blank pages usually mean an empty or unsealed toner cartridge.</p><ol><li>Open the front cover.</li><li>Take out the toner cartridge and remove the orange sealing tape.</li><li>Shake it gently, put it back and print a test page.</li></ol><p>Still blank? Open a request and tell us the printer name on its label.</p>',
    categoryId: printing.id,
    visibility: 'public',
    tags: ['printer', 'toner'],
  });
  await saveArticleTranslation(ctx, admin, blank.id, 'uk', {
    title: 'Принтер друкує порожні сторінки',
    bodyHtml:
      '<p>Порожні сторінки зазвичай означають порожній або не розпечатаний картридж.</p><ol><li>Відкрийте передню кришку.</li><li>Вийміть картридж і зніміть помаранчеву захисну стрічку.</li><li>Злегка струсніть його, вставте назад і надрукуйте тестову сторінку.</li></ol>',
  });
  await saveArticleTranslation(ctx, admin, blank.id, 'zh', {
    title: '打印机打印出空白页',
    bodyHtml:
      '<p>空白页通常表示硒鼓已空或未撕掉封条。</p><ol><li>打开前盖。</li><li>取出硒鼓并撕掉橙色封条。</li><li>轻轻摇晃后装回，打印测试页。</li></ol>',
  });
  await setArticleStatus(ctx, admin, blank.id, 'published');

  const wifi = await createArticle(ctx, admin, {
    locale: 'en',
    title: 'Connecting to the office Wi-Fi',
    bodyHtml:
      '<p>Choose the network <strong>Office</strong> and sign in with your company e-mail and password. Guests use <strong>Office-Guest</strong>; the reception has the code.</p>',
    categoryId: network.id,
    visibility: 'customers',
    tags: ['wi-fi'],
  });
  await setArticleStatus(ctx, admin, wifi.id, 'published');

  const runbook = await createArticle(ctx, admin, {
    locale: 'en',
    title: 'Resetting a VPN token',
    bodyHtml:
      '<p>Check the caller against the directory, revoke the old token in the VPN console, issue a new one and send the activation code by text message, never by e-mail.</p>',
    categoryId: internal.id,
    visibility: 'staff',
    tags: ['vpn'],
  });
  await setArticleStatus(ctx, admin, runbook.id, 'published');

  await createCanned(ctx, admin, {
    scope: 'global',
    groupId: null,
    name: 'thanks',
    locale: 'en',
    bodyHtml:
      '<p>Hello {{customer.name}},</p><p>thank you for your request #{{ticket.number}}. We are on it.</p><p>{{agent.name}}</p>',
  });
  await createCanned(ctx, admin, {
    scope: 'global',
    groupId: null,
    name: 'dyakuyu',
    locale: 'uk',
    bodyHtml:
      '<p>Вітаємо, {{customer.name}}!</p><p>Дякуємо за звернення #{{ticket.number}}. Ми вже працюємо над ним.</p><p>{{agent.name}}</p>',
  });
}

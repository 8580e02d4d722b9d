import type { ArticleSource, CustomerSource, IndexDocument, TicketSource } from './search.repo.ts';
import { tokenize } from './tokenize.ts';

/** Indexed text of one document is capped: beyond this a long thread adds cost, not findability. */
const MAX_BODY = 200_000;

function cap(text: string): string {
  return text.length > MAX_BODY ? text.slice(0, MAX_BODY) : text;
}

/**
 * The documents of a ticket. Its title terms are the number, the subject and the requester
 * (name and e-mail), weighted above the messages. When the ticket has internal notes it gets
 * two texts: `public` (what a customer may read) and `internal` (everything, for those who may
 * read notes); otherwise one text for everyone (`all`). A search reads exactly one of them, so
 * a customer can never match or see the words of a note.
 */
export function ticketDocuments(t: TicketSource): IndexDocument[] {
  const head = [String(t.number), t.subject, t.requesterName ?? '', t.requesterEmail ?? ''].join(' ');
  const titleTerms = tokenize(head);
  const publicBody = cap(
    t.messages
      .filter((m) => m.visibility === 'public')
      .map((m) => m.text)
      .join('\n'),
  );
  const base = { type: 'ticket' as const, objectId: t.id, visibility: null, title: t.subject, titleTerms };
  if (!t.messages.some((m) => m.visibility !== 'public')) {
    return [{ ...base, audience: 'all', body: publicBody, bodyTerms: tokenize(publicBody) }];
  }
  const fullBody = cap(t.messages.map((m) => m.text).join('\n'));
  return [
    { ...base, audience: 'public', body: publicBody, bodyTerms: tokenize(publicBody) },
    { ...base, audience: 'internal', body: fullBody, bodyTerms: tokenize(fullBody) },
  ];
}

/** The document of an active customer; none for staff or deactivated users (never found). */
export function customerDocuments(u: CustomerSource): IndexDocument[] {
  const permissions = JSON.parse(u.rolePermissions) as string[];
  if (permissions.includes('menu.agent') || u.active !== 1) return [];
  const body = [u.email, u.phone ?? '', u.organizationName ?? ''].filter(Boolean).join(' · ');
  return [
    {
      type: 'customer',
      objectId: u.id,
      audience: 'all',
      visibility: null,
      title: u.name,
      body,
      titleTerms: tokenize(`${u.name} ${u.email}`),
      bodyTerms: tokenize(body),
    },
  ];
}

/**
 * The documents of an article: one per translation while it is published (audience = the
 * translation's locale, so the reader's language can be ranked first), none when it is a draft,
 * archived or deleted. The visibility goes into the scope term; the full rule is applied at
 * search time (search.repo.ts#searchArticleDocuments).
 */
export function articleDocuments(a: ArticleSource): IndexDocument[] {
  if (a.status !== 'published') return [];
  return a.translations.map((t) => {
    const body = cap(t.text);
    return {
      type: 'article',
      objectId: a.id,
      audience: t.locale,
      visibility: a.visibility,
      title: t.title,
      body,
      titleTerms: tokenize(t.title),
      bodyTerms: tokenize(body),
    };
  });
}

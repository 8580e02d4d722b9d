/**
 * Knowledge-base and canned-response vocabularies shared by the server and the web app.
 * Plain `as const` arrays so both sides get literal union types without enums; the rules that
 * use them live in `server/modules/kb/kb.policy.ts` and `server/modules/canned/canned.service.ts`.
 */

/** Who may read an article: anyone, signed-in customers, staff, or a chosen audience. */
export const ARTICLE_VISIBILITIES = ['public', 'customers', 'staff', 'restricted'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

/** Who may see a category, from most to least open (a child may not be more open than its parent). */
export const CATEGORY_VISIBILITIES = ['public', 'customers', 'staff'] as const;
export type CategoryVisibility = (typeof CATEGORY_VISIBILITIES)[number];

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Whose a canned response is: its owner's, a group's, or everyone's. */
export const CANNED_SCOPES = ['personal', 'group', 'global'] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];

/** Placeholders a canned response may use; unknown ones are left as typed so the agent sees them. */
export const CANNED_PLACEHOLDERS = [
  'customer.name',
  'customer.email',
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'agent.name',
  'agent.email',
] as const;

import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { CATEGORY_VISIBILITIES, type CategoryVisibility } from '../../../common/kb.ts';
import { type Actor, can } from '../../authz/policy.ts';
import type { Database } from '../../db/schema.ts';

/** Who reads the knowledge base: a signed-in actor, or null for an anonymous visitor. */
export type KbViewer = Actor | null;

/** Staff: may read internal articles (staff-only, and restricted ones they qualify for). */
export function isKbStaff(viewer: KbViewer): boolean {
  return viewer !== null && can(viewer, 'kb.read_internal');
}

/** May write drafts and translations (and so sees drafts and archived articles it can see). */
export function canEditKb(viewer: KbViewer): boolean {
  return viewer !== null && can(viewer, 'kb.edit');
}

/** Knowledge-base owners: publish, archive, manage categories, and see every article. */
export function canPublishKb(viewer: KbViewer): boolean {
  return viewer !== null && can(viewer, 'kb.publish');
}

/** The category visibilities the viewer may see. */
export function visibleCategoryLevels(viewer: KbViewer): CategoryVisibility[] {
  if (viewer === null) return ['public'];
  if (isKbStaff(viewer) || canPublishKb(viewer)) return ['public', 'customers', 'staff'];
  return ['public', 'customers'];
}

/** How open a visibility is (lower = more open); a child category may not be more open than its parent. */
export function categoryRank(visibility: string): number {
  return CATEGORY_VISIBILITIES.indexOf(visibility as CategoryVisibility);
}

type ArticleEb = ExpressionBuilder<Database, 'kb_articles'>;

/** The article's category is absent or one the viewer may see. */
function categoryVisible(eb: ArticleEb, viewer: KbViewer): Expression<SqlBool> {
  return eb.or([
    eb('kb_articles.category_id', 'is', null),
    eb.exists(
      eb
        .selectFrom('kb_categories')
        .select('kb_categories.id')
        .whereRef('kb_categories.id', '=', 'kb_articles.category_id')
        .where('kb_categories.visibility', 'in', visibleCategoryLevels(viewer)),
    ),
  ]);
}

/** The article's own visibility rule for this viewer. */
function audienceVisible(eb: ArticleEb, viewer: KbViewer): Expression<SqlBool> {
  if (viewer === null) return eb('kb_articles.visibility', '=', 'public');
  if (!isKbStaff(viewer)) {
    const anyOrganization = eb.not(
      eb.exists(
        eb
          .selectFrom('kb_article_organizations as o')
          .select('o.article_id')
          .whereRef('o.article_id', '=', 'kb_articles.id'),
      ),
    );
    const orgChecks: Expression<SqlBool>[] = [anyOrganization];
    if (viewer.organizationId !== null) {
      orgChecks.push(
        eb.exists(
          eb
            .selectFrom('kb_article_organizations as o')
            .select('o.article_id')
            .whereRef('o.article_id', '=', 'kb_articles.id')
            .where('o.organization_id', '=', viewer.organizationId),
        ),
      );
    }
    return eb.or([
      eb('kb_articles.visibility', '=', 'public'),
      eb.and([eb('kb_articles.visibility', '=', 'customers'), eb.or(orgChecks)]),
    ]);
  }
  const audience = (a: ExpressionBuilder<Database, 'kb_article_audiences'>) => {
    const ors: Expression<SqlBool>[] = [
      a.and([
        a('kb_article_audiences.kind', '=', 'role'),
        a(
          'kb_article_audiences.ref_id',
          '=',
          a.selectFrom('users').select('users.role_id').where('users.id', '=', viewer.id),
        ),
      ]),
    ];
    if (viewer.groupIds.length > 0) {
      ors.push(
        a.and([a('kb_article_audiences.kind', '=', 'group'), a('kb_article_audiences.ref_id', 'in', viewer.groupIds)]),
      );
    }
    return a.or(ors);
  };
  return eb.or([
    eb('kb_articles.visibility', 'in', ['public', 'customers', 'staff']),
    eb.and([
      eb('kb_articles.visibility', '=', 'restricted'),
      eb.or([
        eb('kb_articles.author_id', '=', viewer.id),
        eb.exists(
          eb
            .selectFrom('kb_article_audiences')
            .select('kb_article_audiences.article_id')
            .whereRef('kb_article_audiences.article_id', '=', 'kb_articles.id')
            .where(audience),
        ),
      ]),
    ]),
  ]);
}

/**
 * Which articles the viewer may see, as SQL: lists, single reads, suggestions and files all use
 * this one rule (ADR 0022). `publishedOnly` narrows editors to published articles (suggestions,
 * the portal). Returns null when the viewer sees every article (knowledge-base owners).
 */
export function visibleArticlesWhere(
  viewer: KbViewer,
  publishedOnly = false,
): ((eb: ArticleEb) => Expression<SqlBool>) | null {
  if (canPublishKb(viewer) && !publishedOnly) return null;
  return (eb) => {
    const parts: Expression<SqlBool>[] = [];
    if (publishedOnly || !canEditKb(viewer)) parts.push(eb('kb_articles.status', '=', 'published'));
    if (!canPublishKb(viewer)) {
      parts.push(audienceVisible(eb, viewer));
      parts.push(categoryVisible(eb, viewer));
    }
    return eb.and(parts);
  };
}

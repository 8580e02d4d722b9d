import { canEditKb, isKbStaff, type KbViewer } from './kb.policy.ts';
import type { ArticleAudience, KbArticleRow, KbTranslationRow } from './kb.repo.ts';

export interface TranslationView {
  locale: string;
  title: string;
  bodyHtml: string;
  updatedAt: string;
}

export interface ArticleView {
  id: number;
  categoryId: number | null;
  status: string;
  visibility: string;
  organizationIds: number[];
  roleIds: number[];
  groupIds: number[];
  tags: string[];
  sourceTicketId: number | null;
  helpfulYes: number;
  helpfulNo: number;
  authorId: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  translations: TranslationView[];
}

export interface ArticleListItem {
  id: number;
  categoryId: number | null;
  status: string;
  visibility: string;
  tags: string[];
  locale: string;
  title: string;
  excerpt: string;
  locales: string[];
  helpfulYes: number;
  helpfulNo: number;
  updatedAt: string;
}

/** The translation to show: the asked language, then the viewer's, then English, then any. */
export function pickTranslation(
  translations: readonly KbTranslationRow[],
  ...locales: (string | undefined)[]
): KbTranslationRow | undefined {
  for (const locale of [...locales, 'en']) {
    const found = translations.find((t) => t.locale === locale);
    if (found) return found;
  }
  return translations[0];
}

/** First characters of the text, cut at a word. */
export function excerpt(text: string, length = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`;
}

/**
 * An article as the viewer may see it. Who it is limited to (organizations, roles, groups) and
 * the ticket it came from are internal: only editors get them.
 */
export function presentArticle(
  viewer: KbViewer,
  row: KbArticleRow,
  audience: ArticleAudience,
  translations: readonly KbTranslationRow[],
): ArticleView {
  const internal = canEditKb(viewer) || isKbStaff(viewer);
  return {
    id: row.id,
    categoryId: row.category_id,
    status: row.status,
    visibility: row.visibility,
    organizationIds: internal ? audience.organizationIds : [],
    roleIds: internal ? audience.roleIds : [],
    groupIds: internal ? audience.groupIds : [],
    tags: audience.tags,
    sourceTicketId: internal ? row.source_ticket_id : null,
    helpfulYes: row.helpful_yes,
    helpfulNo: row.helpful_no,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    translations: translations.map((t) => ({
      locale: t.locale,
      title: t.title,
      bodyHtml: t.body_html,
      updatedAt: t.updated_at,
    })),
  };
}

/** A list row: the best translation's title and an excerpt. */
export function presentListItem(
  row: KbArticleRow,
  tags: string[],
  translations: readonly KbTranslationRow[],
  locale: string | undefined,
  viewerLocale: string | undefined,
): ArticleListItem {
  const shown = pickTranslation(translations, locale, viewerLocale);
  return {
    id: row.id,
    categoryId: row.category_id,
    status: row.status,
    visibility: row.visibility,
    tags,
    locale: shown?.locale ?? '',
    title: shown?.title ?? '',
    excerpt: excerpt(shown?.body_text ?? ''),
    locales: translations.map((t) => t.locale),
    helpfulYes: row.helpful_yes,
    helpfulNo: row.helpful_no,
    updatedAt: row.updated_at,
  };
}

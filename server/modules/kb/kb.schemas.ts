import { Type } from 'typebox';
import { LOCALES } from '../../../common/domain.ts';
import { ARTICLE_STATUSES, ARTICLE_VISIBILITIES, CATEGORY_VISIBILITIES } from '../../../common/kb.ts';
import { Nullable } from '../shared.schemas.ts';

const Id = Type.Integer({ minimum: 1 });
const Ids = Type.Array(Id, { maxItems: 200 });
export const Locale = Type.Enum(LOCALES);

export const CategoryBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  slug: Type.String({ minLength: 1, maxLength: 80 }),
  parentId: Nullable(Id),
  position: Type.Integer({ minimum: 0, maximum: 100000 }),
  visibility: Type.Enum(CATEGORY_VISIBILITIES),
});
export const CategorySchema = Type.Object({ id: Type.Integer(), ...CategoryBody.properties });

const SettingsProps = {
  categoryId: Nullable(Id),
  visibility: Type.Enum(ARTICLE_VISIBILITIES),
  organizationIds: Ids,
  roleIds: Ids,
  groupIds: Ids,
  tags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
};
export const ArticleSettingsBody = Type.Partial(Type.Object(SettingsProps));
export const TranslationBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  bodyHtml: Type.String({ maxLength: 200000 }),
});
export const NewArticleBody = Type.Object({
  ...Type.Partial(Type.Object(SettingsProps)).properties,
  locale: Locale,
  ...TranslationBody.properties,
});

export const TranslationSchema = Type.Object({
  locale: Type.String(),
  title: Type.String(),
  bodyHtml: Type.String(),
  updatedAt: Type.String(),
});
export const ArticleSchema = Type.Object({
  id: Type.Integer(),
  categoryId: Nullable(Type.Integer()),
  status: Type.String(),
  visibility: Type.String(),
  organizationIds: Type.Array(Type.Integer()),
  roleIds: Type.Array(Type.Integer()),
  groupIds: Type.Array(Type.Integer()),
  tags: Type.Array(Type.String()),
  sourceTicketId: Nullable(Type.Integer()),
  helpfulYes: Type.Integer(),
  helpfulNo: Type.Integer(),
  authorId: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  translations: Type.Array(TranslationSchema),
});
export const ArticleListItemSchema = Type.Object({
  id: Type.Integer(),
  categoryId: Nullable(Type.Integer()),
  status: Type.String(),
  visibility: Type.String(),
  tags: Type.Array(Type.String()),
  locale: Type.String(),
  title: Type.String(),
  excerpt: Type.String(),
  locales: Type.Array(Type.String()),
  helpfulYes: Type.Integer(),
  helpfulNo: Type.Integer(),
  updatedAt: Type.String(),
});
export const ArticleQuery = Type.Object({
  categoryId: Type.Optional(Id),
  status: Type.Optional(Type.Enum(ARTICLE_STATUSES)),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  locale: Type.Optional(Locale),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const VersionSchema = Type.Object({
  id: Type.Integer(),
  locale: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  bodyHtml: Type.String(),
  authorId: Type.Integer(),
  authorName: Nullable(Type.String()),
  createdAt: Type.String(),
});
const DiffOpSchema = Type.Object({ op: Type.Enum(['equal', 'insert', 'delete']), text: Type.String() });
const VersionRef = Type.Object({ id: Type.Integer(), version: Type.Integer(), locale: Type.String() });
export const DiffSchema = Type.Object({
  from: VersionRef,
  to: VersionRef,
  title: Type.Array(DiffOpSchema),
  body: Type.Array(DiffOpSchema),
});

export const FeedbackBody = Type.Object({
  helpful: Type.Boolean(),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const FeedbackAnswer = Type.Object({ helpfulYes: Type.Integer(), helpfulNo: Type.Integer() });
export const DeflectionBody = Type.Object({ articleId: Id, query: Type.String({ maxLength: 2000 }) });
export const SuggestQuery = Type.Object({
  q: Type.String({ maxLength: 2000 }),
  locale: Type.Optional(Locale),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});
export const SuggestionSchema = Type.Object({
  id: Type.Integer(),
  locale: Type.String(),
  title: Type.String(),
  excerpt: Type.String(),
  score: Type.Number(),
});
export const DeflectionReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  opened: Type.Integer(),
  converted: Type.Integer(),
  deflected: Type.Integer(),
  articles: Type.Array(
    Type.Object({
      articleId: Type.Integer(),
      title: Type.String(),
      opened: Type.Integer(),
      converted: Type.Integer(),
      deflected: Type.Integer(),
    }),
  ),
});
export const FileSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});

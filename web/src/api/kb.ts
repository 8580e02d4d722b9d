import type { ArticleStatus, ArticleVisibility, CategoryVisibility } from '../../../common/kb.ts';
import { API_BASE, apiRequest, type ItemList, toQueryString } from './client.ts';

export interface KbCategory {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  position: number;
  visibility: CategoryVisibility;
}

export interface KbTranslation {
  locale: string;
  title: string;
  bodyHtml: string;
  updatedAt: string;
}

export interface KbArticle {
  id: number;
  categoryId: number | null;
  status: ArticleStatus;
  visibility: ArticleVisibility;
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
  translations: KbTranslation[];
}

export interface KbListItem {
  id: number;
  categoryId: number | null;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  tags: string[];
  locale: string;
  title: string;
  excerpt: string;
  locales: string[];
  helpfulYes: number;
  helpfulNo: number;
  updatedAt: string;
}

export interface KbSettings {
  categoryId: number | null;
  visibility: ArticleVisibility;
  organizationIds: number[];
  roleIds: number[];
  groupIds: number[];
  tags: string[];
}

export interface KbVersion {
  id: number;
  locale: string;
  version: number;
  title: string;
  bodyHtml: string;
  authorId: number;
  authorName: string | null;
  createdAt: string;
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface KbDiff {
  from: { id: number; version: number; locale: string };
  to: { id: number; version: number; locale: string };
  title: DiffOp[];
  body: DiffOp[];
}

export interface KbSuggestion {
  id: number;
  locale: string;
  title: string;
  excerpt: string;
  score: number;
}

export const fetchKbCategories = () => apiRequest<KbCategory[]>('/kb/categories');
export const createKbCategory = (body: Omit<KbCategory, 'id'>) =>
  apiRequest<KbCategory>('/kb/categories', { method: 'POST', body });
export const updateKbCategory = (id: number, body: Omit<KbCategory, 'id'>) =>
  apiRequest<KbCategory>(`/kb/categories/${id}`, { method: 'PUT', body });
export const deleteKbCategory = (id: number) => apiRequest<void>(`/kb/categories/${id}`, { method: 'DELETE' });

export const fetchKbArticles = (params: {
  categoryId?: number;
  status?: ArticleStatus;
  tag?: string;
  locale?: string;
}) => apiRequest<KbListItem[]>(`/kb/articles${toQueryString(params)}`);
export const fetchKbArticle = (id: number) => apiRequest<KbArticle>(`/kb/articles/${id}`);
export const createKbArticle = (body: Partial<KbSettings> & { locale: string; title: string; bodyHtml: string }) =>
  apiRequest<KbArticle>('/kb/articles', { method: 'POST', body });
export const updateKbSettings = (id: number, body: Partial<KbSettings>) =>
  apiRequest<KbArticle>(`/kb/articles/${id}`, { method: 'PATCH', body });
export const saveKbTranslation = (id: number, locale: string, body: { title: string; bodyHtml: string }) =>
  apiRequest<KbArticle>(`/kb/articles/${id}/translations/${locale}`, { method: 'PUT', body });
export const setKbStatus = (id: number, action: 'publish' | 'archive') =>
  apiRequest<KbArticle>(`/kb/articles/${id}/${action}`, { method: 'POST' });
export const fetchKbVersions = (id: number, locale?: string) =>
  apiRequest<KbVersion[]>(`/kb/articles/${id}/versions${toQueryString({ locale })}`);
export const fetchKbDiff = (id: number, from: number, to: number) =>
  apiRequest<KbDiff>(`/kb/articles/${id}/diff${toQueryString({ from, to })}`);
export const restoreKbVersion = (id: number, versionId: number) =>
  apiRequest<KbArticle>(`/kb/articles/${id}/versions/${versionId}/restore`, { method: 'POST' });
export interface KbDeflectionReport {
  from: string;
  to: string;
  opened: number;
  converted: number;
  deflected: number;
  articles: { articleId: number; title: string; opened: number; converted: number; deflected: number }[];
}
export const fetchKbDeflections = () => apiRequest<KbDeflectionReport>('/kb/reports/deflections');
export const deleteKbArticle = (id: number) => apiRequest<void>(`/kb/articles/${id}`, { method: 'DELETE' });
export const fetchKbFeedback = (id: number) =>
  apiRequest<{ id: number; helpful: boolean; comment: string; createdAt: string }[]>(`/kb/articles/${id}/feedback`);
export const kbArticleFromTicket = (ticketId: number) =>
  apiRequest<KbArticle>(`/kb/articles/from-ticket/${ticketId}`, { method: 'POST' });
export const sendKbFeedback = (id: number, body: { helpful: boolean; comment?: string }) =>
  apiRequest<{ helpfulYes: number; helpfulNo: number }>(`/kb/articles/${id}/feedback`, { method: 'POST', body });
export const recordKbDeflection = (body: { articleId: number; query: string }) =>
  apiRequest<{ id: number }>('/kb/deflections', { method: 'POST', body });
export const fetchKbSuggestions = (q: string, locale?: string, limit = 5, signal?: AbortSignal) =>
  apiRequest<ItemList<KbSuggestion>>(`/kb/suggest${toQueryString({ q, locale, limit })}`, { signal });

/** Uploads an image for an article; the returned URL goes into the article's HTML. */
export function uploadKbFile(articleId: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<{ id: number; url: string; filename: string }>(`/kb/articles/${articleId}/files`, {
    method: 'POST',
    body: form,
  });
}

/** Where a customer reads an article (used for links inserted into replies). */
export function portalArticleUrl(id: number): string {
  return `${window.location.origin}/portal/kb/${id}`;
}

export const KB_FILES_BASE = `${API_BASE}/kb/files`;

/** The translation to show: the reader's language, then English, then the first. */
export function pickTranslation(article: KbArticle, locale: string): KbTranslation | undefined {
  return (
    article.translations.find((t) => t.locale === locale) ??
    article.translations.find((t) => t.locale === 'en') ??
    article.translations[0]
  );
}

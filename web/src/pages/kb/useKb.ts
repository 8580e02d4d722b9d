import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchKbArticle, fetchKbCategories, type KbArticle } from '../../api/kb.ts';

/** Query keys of the knowledge base; ['kb'] invalidates everything. */
export const kbKeys = {
  all: ['kb'] as const,
  categories: ['kb', 'categories'] as const,
  articles: (params: object) => ['kb', 'articles', params] as const,
  article: (id: number) => ['kb', 'article', id] as const,
  versions: (id: number, locale: string) => ['kb', 'article', id, 'versions', locale] as const,
};

export function useKbCategories() {
  return useQuery({ queryKey: kbKeys.categories, queryFn: fetchKbCategories });
}

export function useKbArticle(id: number | null) {
  return useQuery({
    queryKey: kbKeys.article(id ?? 0),
    queryFn: () => fetchKbArticle(id!),
    enabled: id !== null,
  });
}

/** Puts a saved article into the cache and refreshes lists and versions. */
export function useKbArticleSaved() {
  const queryClient = useQueryClient();
  return (article: KbArticle) => {
    queryClient.setQueryData(kbKeys.article(article.id), article);
    void queryClient.invalidateQueries({ queryKey: ['kb', 'articles'] });
    void queryClient.invalidateQueries({ queryKey: ['kb', 'article', article.id, 'versions'] });
  };
}

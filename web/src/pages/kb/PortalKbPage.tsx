import { Anchor, Card, Grid, NavLink, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchKbArticles, fetchKbSuggestions } from '../../api/kb.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { flattenTree } from './kb-tree.ts';
import { kbKeys, useKbCategories } from './useKb.ts';

/** The customers' knowledge base: search, browse by category, open an article. */
export default function PortalKbPage({ base = '/portal/kb' }: { base?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const categories = useKbCategories();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const params = { categoryId, status: 'published' as const, locale };
  const articles = useQuery({ queryKey: kbKeys.articles(params), queryFn: () => fetchKbArticles(params) });
  const search = useQuery({
    queryKey: ['kb', 'suggest', debounced, locale],
    queryFn: ({ signal }) => fetchKbSuggestions(debounced, locale, 20, signal),
    enabled: debounced.length >= 2,
  });
  const shown = debounced.length >= 2 ? (search.data?.items ?? []) : (articles.data ?? []);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('kb.portal.title')}
      </Title>
      <TextInput
        size="md"
        leftSection={<IconSearch size={18} />}
        placeholder={t('kb.portal.searchPlaceholder')}
        aria-label={t('kb.portal.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        type="search"
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Paper withBorder p="xs">
            <NavLink
              label={t('kb.allCategories')}
              active={categoryId === undefined}
              onClick={() => setCategoryId(undefined)}
            />
            {flattenTree(categories.data ?? []).map((c) => (
              <NavLink
                key={c.id}
                label={c.name}
                pl={12 + c.depth * 16}
                active={categoryId === c.id}
                onClick={() => setCategoryId(c.id)}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9 }}>
          {(articles.error ?? search.error) && <ErrorAlert error={articles.error ?? search.error} />}
          {shown.length === 0 && !articles.isPending && <EmptyState title={t('kb.portal.nothing')} />}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {shown.map((a) => (
              <Card key={a.id} withBorder padding="md">
                <Anchor component={Link} to={`${base}/${a.id}`} fw={600}>
                  {a.title}
                </Anchor>
                <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
                  {a.excerpt}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Anchor, Badge, Group, MultiSelect, Paper, Select, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_TYPES, type SearchType } from '../../../../common/domain.ts';
import { type SearchItem, type SearchParams, searchApi } from '../../api/search.ts';
import { useCatalog } from '../../app/queries.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { useWorkflowNames } from '../../app/workflow-names.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { HighlightedText } from './HighlightedText.tsx';

type Area = 'agent' | 'portal';

/** Where a result leads. Customers lead to a search of their tickets; articles have no page yet. */
function linkOf(area: Area, item: SearchItem): string | null {
  if (item.type === 'ticket') return `/${area}/tickets/${item.id}`;
  if (item.type === 'customer') return `/agent/search?type=ticket&q=${encodeURIComponent(item.title)}`;
  return null;
}

function ResultCard({ area, item }: { area: Area; item: SearchItem }) {
  const names = useWorkflowNames();
  const to = linkOf(area, item);
  const title = item.number ? `#${item.number} ${item.title}` : item.title;
  return (
    <Paper withBorder p="md" radius="md" component="li" data-testid="search-result">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        {to ? (
          <Anchor component={Link} to={to} fw={600}>
            {title}
          </Anchor>
        ) : (
          <span style={{ fontWeight: 600 }}>{title}</span>
        )}
        {item.status && (
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {names.status(item.status)}
          </Badge>
        )}
      </Group>
      {item.snippet && <HighlightedText snippet={item.snippet} mt={6} />}
    </Paper>
  );
}

/** Ticket filters (agents): status, type and creation dates, kept in the address. */
function TicketFilters({ params, set }: { params: URLSearchParams; set: (key: string, value: string[]) => void }) {
  const { t } = useTranslation();
  const catalog = useCatalog().data;
  const names = useWorkflowNames();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label={t('search.filters.status')}
        placeholder={t('search.filters.any')}
        data={(catalog?.statusDefs ?? []).map((s) => ({ value: s.key, label: names.status(s.key) }))}
        value={params.getAll('status')}
        onChange={(value) => set('status', value)}
        clearable
        w={240}
      />
      <Select
        label={t('search.filters.type')}
        placeholder={t('search.filters.any')}
        data={(catalog?.typeDefs ?? []).map((s) => ({ value: s.key, label: names.type(s.key) }))}
        value={params.get('ticketType')}
        onChange={(value) => set('ticketType', value ? [value] : [])}
        clearable
        w={180}
      />
      <TextInput
        type="date"
        label={t('search.filters.from')}
        value={params.get('from') ?? ''}
        onChange={(e) => set('from', e.currentTarget.value ? [e.currentTarget.value] : [])}
        w={160}
      />
      <TextInput
        type="date"
        label={t('search.filters.to')}
        value={params.get('to') ?? ''}
        onChange={(e) => set('to', e.currentTarget.value ? [e.currentTarget.value] : [])}
        w={160}
      />
    </Group>
  );
}

/**
 * Search results for agents (tabs for tickets, customers and articles, ticket filters) and for
 * customers in the portal (their tickets). The query and filters live in the address.
 */
export function SearchResultsPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const me = useMe().data;
  // Customers are searched with the user directory only (the server refuses the rest).
  const types: SearchType[] =
    area === 'agent' ? SEARCH_TYPES.filter((k) => k !== 'customer' || hasPermission(me, 'user.directory')) : ['ticket'];
  const type = (types as string[]).includes(params.get('type') ?? '') ? (params.get('type') as SearchType) : 'ticket';
  const request: SearchParams = {
    q,
    type,
    limit: 50,
    ...(type === 'ticket' && {
      status: params.getAll('status'),
      ticketType: params.get('ticketType') ?? undefined,
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
    }),
  };
  const results = useQuery({ queryKey: ['search', request], queryFn: () => searchApi(request), enabled: q !== '' });

  const set = (key: string, values: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const v of values) next.append(key, v);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h3">
        {q ? t('search.title', { q }) : t('search.label')}
      </Title>
      {/* Keyed by the query so the box shows the one searched. */}
      <SearchForm key={q} initial={q} area={area} onSearch={(value) => set('q', value ? [value] : [])} />
      {types.length > 1 && (
        <Tabs value={type} onChange={(value) => value && set('type', [value])}>
          <Tabs.List>
            {types.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`search.tabs.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {area === 'agent' && type === 'ticket' && <TicketFilters params={params} set={set} />}
      {!q ? (
        <EmptyState title={t('search.enterQuery')} icon={<IconSearch size={26} />} />
      ) : results.isPending ? (
        <PageLoader />
      ) : results.error ? (
        <ErrorAlert error={results.error} />
      ) : results.data.items.length === 0 ? (
        <EmptyState title={t('search.empty')} description={t('search.emptyHint')} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('search.resultsLabel')} style={{ listStyle: 'none' }}>
          {results.data.items.map((item) => (
            <ResultCard key={`${item.type}-${item.id}`} area={area} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

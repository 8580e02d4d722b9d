import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { TicketTable } from './TicketTable.tsx';

/** Full-text search over every ticket the agent may see. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  if (!q) return <Navigate to="/agent" replace />;
  return (
    <>
      <Title order={1} size="h3" mb="md">
        {t('agent.searchResults', { q })}
      </Title>
      <TicketTable
        key={q}
        params={{ q }}
        label={t('agent.searchResults', { q })}
        emptyTitle={t('agent.noResults')}
        emptyText={t('agent.noResultsHint')}
      />
    </>
  );
}

import { SearchResultsPage } from '../search/SearchResultsPage.tsx';

/** Full-text search for agents: tickets, customers and articles (ADR 0021). */
export default function SearchPage() {
  return <SearchResultsPage area="agent" />;
}

import { SearchResultsPage } from '../search/SearchResultsPage.tsx';

/** Full-text search for customers: the tickets they may read. */
export default function PortalSearchPage() {
  return <SearchResultsPage area="portal" />;
}

import { useNavigate } from 'react-router';
import type { Me } from '../api/auth.ts';
import { hasPermission } from '../app/session.ts';
import { SearchForm } from './SearchForm.tsx';

/** The search box of the header: agents search everything they may see, customers their tickets. */
export function HeaderSearch({ me }: { me: Me }) {
  const navigate = useNavigate();
  const area = hasPermission(me, 'menu.agent') ? 'agent' : hasPermission(me, 'menu.portal') ? 'portal' : null;
  if (!area) return null;
  return (
    <SearchForm
      area={area}
      clearOnSubmit
      onSearch={(q) => {
        if (q) void navigate(`/${area}/search?q=${encodeURIComponent(q)}`);
      }}
      w={260}
      visibleFrom="sm"
    />
  );
}

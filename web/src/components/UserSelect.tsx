import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/keys.ts';
import { listUsers } from '../api/users.ts';

interface UserSelectProps {
  label: ReactNode;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  error?: ReactNode;
  value: number | null;
  /** The chosen user's name when the caller knows it (before any search). */
  valueLabel?: string;
  onChange: (value: number | null) => void;
  /** Offer only active agents (`GET /users?agents=true`), e.g. for watchers. */
  agentsOnly?: boolean;
}

/** Picks a user by typing part of a name or e-mail (`GET /users?q=`); the server does the matching. */
export function UserSelect({ value, valueLabel, onChange, agentsOnly, ...props }: UserSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const term = picked && search === picked.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const params = { q: debounced || undefined, agents: agentsOnly || undefined, limit: 20 };
  const users = useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: () => listUsers(params),
    placeholderData: (previous) => previous,
  });
  const found = (users.data?.items ?? []).map((user) => ({ value: String(user.id), label: user.name }));
  const current = value === null ? null : String(value);
  const known =
    picked?.value === current ? picked : current ? { value: current, label: valueLabel ?? `#${current}` } : null;
  // Keep the chosen user among the options so its name still shows after the list changes.
  const options = known && !found.some((o) => o.value === known.value) ? [known, ...found] : found;
  return (
    <Select
      {...props}
      searchable
      clearable
      data={options}
      value={current}
      onChange={(next, option) => {
        setPicked(next && option ? { value: next, label: option.label } : null);
        onChange(next === null ? null : Number(next));
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; filtering again would hide matches on e-mail.
      filter={({ options: all }) => all}
      placeholder={t('customFields.userPlaceholder')}
      nothingFoundMessage={users.isFetching ? t('common.loading') : t('agent.nothingFound')}
      rightSection={users.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

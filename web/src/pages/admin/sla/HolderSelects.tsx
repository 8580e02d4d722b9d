import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/keys.ts';
import { listUsers } from '../../../api/users.ts';
import type { KnownOrganization } from './sla-values.ts';

/** "Acme Logistics · acme.example"; "Organization #7" for an id the API did not list. */
export function organizationLabel(
  t: (key: string, options?: Record<string, unknown>) => string,
  id: number,
  known?: KnownOrganization,
): string {
  const label = known?.name ?? t('admin.sla.contracts.organizationN', { id });
  return known?.domain ? `${label} · ${known.domain}` : label;
}

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
}

interface OrganizationSelectProps extends FieldProps {
  value: string | null;
  onChange: (value: string | null) => void;
  organizations: KnownOrganization[];
}

/**
 * Picks an organization among those customers belong to; typing a number offers that id too,
 * for an organization without customers yet.
 */
export function OrganizationSelect({ value, onChange, organizations, ...props }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const members = new Map(organizations.map((org) => [String(org.id), org.members]));
  const options = organizations.map((org) => ({ value: String(org.id), label: organizationLabel(t, org.id, org) }));
  const typed = /^\d{1,9}$/.test(search.trim()) ? String(Number(search.trim())) : null;
  for (const id of [value, typed]) {
    if (id && Number(id) > 0 && !members.has(id) && !options.some((o) => o.value === id)) {
      options.push({ value: id, label: organizationLabel(t, Number(id)) });
    }
  }
  return (
    <Select
      {...props}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      placeholder={t('admin.sla.contracts.organizationPlaceholder')}
      nothingFoundMessage={t('admin.sla.contracts.noOrganization')}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const names = members.get(option.value) ?? [];
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {names.length > 0 ? names.join(', ') : t('admin.sla.contracts.noMembersKnown')}
            </Text>
          </Stack>
        );
      }}
    />
  );
}

interface CustomerSelectProps extends FieldProps {
  value: number | null;
  /** The chosen customer's name when known (before any search). */
  valueLabel?: string;
  onChange: (value: number | null) => void;
}

/** Picks a customer by typing part of a name or e-mail; the server does the matching. */
export function CustomerSelect({ value, valueLabel, onChange, ...props }: CustomerSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const term = picked && search === picked.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const params = { q: debounced || undefined, role: ['customer'], limit: 20 };
  const users = useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: () => listUsers(params),
    placeholderData: (previous) => previous,
  });
  const found = (users.data?.items ?? []).map((user) => ({
    value: String(user.id),
    label: `${user.name} (${user.email})`,
  }));
  const current = value === null ? null : String(value);
  const known =
    picked?.value === current ? picked : current ? { value: current, label: valueLabel ?? `#${current}` } : null;
  // Keep the chosen customer among the options so the name still shows after the list changes.
  const options = known && !found.some((o) => o.value === known.value) ? [known, ...found] : found;
  return (
    <Select
      {...props}
      searchable
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
      placeholder={t('admin.sla.contracts.customerPlaceholder')}
      nothingFoundMessage={users.isFetching ? t('common.loading') : t('admin.sla.contracts.noCustomer')}
      rightSection={users.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/keys.ts';
import type { Organization } from '../../../api/organizations.ts';
import { listUsers } from '../../../api/users.ts';

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
}

interface OrganizationSelectProps extends FieldProps {
  value: string | null;
  onChange: (value: string | null) => void;
  organizations: Organization[];
}

/** Picks an organization by name; each option shows its e-mail domain below the name. */
export function OrganizationSelect({ value, onChange, organizations, ...props }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const domains = new Map(organizations.map((org) => [String(org.id), org.domain]));
  const options = organizations.map((org) => ({ value: String(org.id), label: org.name }));
  // A saved holder the list lacks (not loaded yet) still shows, as its id.
  if (value && !domains.has(value)) options.push({ value, label: `#${value}` });
  return (
    <Select
      {...props}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      placeholder={t('admin.sla.contracts.organizationPlaceholder')}
      nothingFoundMessage={
        organizations.length > 0 ? t('admin.sla.contracts.noOrganization') : t('admin.sla.contracts.noOrganizations')
      }
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const domain = domains.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {domain && (
              <Text size="xs" c="dimmed">
                {domain}
              </Text>
            )}
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

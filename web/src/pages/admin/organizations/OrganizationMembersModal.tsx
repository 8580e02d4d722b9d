import { ActionIcon, Badge, Button, Group, Loader, Modal, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/keys.ts';
import { type Organization, setUserOrganization } from '../../../api/organizations.ts';
import { listUsers } from '../../../api/users.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useOrganization, useOrganizationsChanged } from './useOrganizations.ts';

/** Finds customers by name or e-mail on the server, for adding one to the organization. */
function useCustomerSearch(search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  const params = { q: q || undefined, role: 'customer', limit: 20 };
  return useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: () => listUsers(params),
    placeholderData: (previous) => previous,
  });
}

function Members({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const changed = useOrganizationsChanged();
  const detail = useOrganization(organization.id);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const customers = useCustomerSearch(search);
  const members = detail.data?.members ?? [];
  const memberIds = new Set(members.map((m) => m.id));
  const options = (customers.data?.items ?? [])
    .filter((user) => !memberIds.has(user.id))
    .map((user) => ({ value: String(user.id), label: `${user.name} (${user.email})` }));

  const change = useMutation({
    mutationFn: async (input: { userId: number; name: string; join: boolean }) =>
      setUserOrganization(input.userId, input.join ? organization.id : null),
    onSuccess: (_, input) => {
      changed();
      const key = input.join ? 'orgAdmin.memberAdded' : 'orgAdmin.memberRemoved';
      notifications.show({ color: 'green', message: t(key, { name: input.name, organization: organization.name }) });
      if (input.join) {
        setPicked(null);
        setSearch('');
      }
    },
  });
  const add = () => {
    const option = options.find((o) => o.value === picked);
    if (option) change.mutate({ userId: Number(option.value), name: option.label, join: true });
  };

  return (
    <Stack>
      <ErrorAlert error={detail.error ?? customers.error ?? change.error} />
      <Text size="sm" c="dimmed">
        {organization.sharedTickets ? t('orgAdmin.membersIntroShared') : t('orgAdmin.membersIntro')}
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <Select
          style={{ flex: 1 }}
          label={t('orgAdmin.addMember')}
          placeholder={t('orgAdmin.addPlaceholder')}
          searchable
          clearable
          data={options}
          value={picked}
          onChange={setPicked}
          searchValue={search}
          onSearchChange={setSearch}
          // The server already matched name and e-mail; filtering again would hide e-mail matches.
          filter={({ options: all }) => all}
          nothingFoundMessage={customers.isFetching ? t('common.loading') : t('orgAdmin.noCustomers')}
          rightSection={customers.isFetching ? <Loader size={14} /> : undefined}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <Button
          leftSection={<IconUserPlus size={16} />}
          onClick={add}
          disabled={picked === null}
          loading={change.isPending && change.variables?.join === true}
        >
          {t('orgAdmin.add')}
        </Button>
      </Group>
      {detail.isPending ? (
        <Skeleton h={80} />
      ) : members.length === 0 ? (
        <EmptyState title={t('orgAdmin.noMembers')} />
      ) : (
        <Table verticalSpacing="xs" aria-label={t('orgAdmin.members')} data-testid="organization-members">
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {member.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {!member.active && (
                    <Badge color="gray" variant="light">
                      {t('orgAdmin.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td w={48}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('orgAdmin.removeMember', { name: member.name })}
                    loading={change.isPending && change.variables?.userId === member.id}
                    onClick={() => change.mutate({ userId: member.id, name: member.name, join: false })}
                  >
                    <IconUserMinus size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The organization's people: add customers by search, take members out. */
export function OrganizationMembersModal({
  organization,
  onClose,
}: {
  organization: Organization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={organization !== null}
      onClose={onClose}
      title={t('orgAdmin.membersTitle', { name: organization?.name ?? '' })}
      size="lg"
    >
      {organization && <Members organization={organization} />}
    </Modal>
  );
}

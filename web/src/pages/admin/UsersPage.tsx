import { Badge, Button, Group, Paper, Select, Skeleton, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconSearch, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { listUsers, type UpdateUserInput, updateUser } from '../../api/users.ts';
import { useMe } from '../../app/session.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { useRoles } from './useRoles.ts';

const LIST_LIMIT = 200;

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [roleFilter, setRoleFilter] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const [createOpened, createModal] = useDisclosure(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const roles = useRoles();
  const params = { q: q || undefined, role: roleFilter ?? undefined, limit: LIST_LIMIT };
  const users = useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: async () => (await listUsers(params)).items,
    placeholderData: (previous) => previous,
  });

  const update = useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateUserInput }) => updateUser(id, input),
    onSuccess: (user, { input }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      const message =
        input.active === undefined
          ? t('admin.roleChanged', { name: user.name })
          : input.active
            ? t('admin.activated', { name: user.name })
            : t('admin.deactivated', { name: user.name });
      notifications.show({ color: 'green', message });
    },
  });

  const roleOptions = (roles.data ?? []).map((role) => ({
    value: role.key,
    label: t(`role.${role.key}`, { defaultValue: role.name }),
  }));

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h3">
          {t('admin.usersTitle')}
        </Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={createModal.open}>
          {t('admin.createUser')}
        </Button>
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('admin.searchUsers')}
          placeholder={t('admin.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
          type="search"
        />
        <Select
          label={t('admin.filterRole')}
          placeholder={t('admin.allRoles')}
          data={roleOptions}
          value={roleFilter}
          onChange={setRoleFilter}
          clearable
          w={220}
        />
      </Group>
      {(users.error || update.error) && <ErrorAlert error={users.error ?? update.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('admin.usersTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.name')}</Table.Th>
                <Table.Th>{t('admin.email')}</Table.Th>
                <Table.Th>{t('admin.role')}</Table.Th>
                <Table.Th w={110}>{t('admin.status')}</Table.Th>
                <Table.Th>{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.isPending &&
                [0, 1, 2, 3].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={5}>
                      <Skeleton h={28} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {(users.data ?? []).map((user) => {
                const self = user.id === me?.user.id;
                const busy = update.isPending && update.variables?.id === user.id;
                return (
                  <Table.Tr key={user.id} opacity={user.active ? 1 : 0.6}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{user.email}</Text>
                        {!user.emailVerified && (
                          <Badge color="yellow" variant="light" size="sm" miw="max-content">
                            {t('admin.emailUnconfirmed')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('admin.roleOf', { name: user.name })}
                        data={roleOptions.length > 0 ? roleOptions : [{ value: user.role, label: user.role }]}
                        value={user.role}
                        allowDeselect={false}
                        size="xs"
                        w={200}
                        disabled={self || busy}
                        onChange={(role) =>
                          role && role !== user.role && update.mutate({ id: user.id, input: { role } })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.active ? 'green' : 'gray'} miw="max-content">
                        {user.active ? t('admin.active') : t('admin.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          disabled={self}
                          loading={busy && update.variables?.input.active !== undefined}
                          leftSection={user.active ? <IconUserOff size={14} /> : <IconUserCheck size={14} />}
                          aria-label={`${user.active ? t('admin.deactivate') : t('admin.activate')}: ${user.name}`}
                          onClick={() => update.mutate({ id: user.id, input: { active: !user.active } })}
                        >
                          {user.active ? t('admin.deactivate') : t('admin.activate')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconKey size={14} />}
                          aria-label={`${t('admin.resetPassword')}: ${user.name}`}
                          onClick={() => setResetting(user)}
                        >
                          {t('admin.resetPassword')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users.data?.length === 0 && <EmptyState title={t('admin.noUsers')} />}
      </Paper>
      <CreateUserModal opened={createOpened} onClose={createModal.close} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

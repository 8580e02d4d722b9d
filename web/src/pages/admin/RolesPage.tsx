import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Menu,
  Paper,
  Skeleton,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDots, IconPencil, IconPlus, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { createRole, type RoleDetail } from '../../api/roles.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DeleteRoleModal, type NameDialogTarget, RoleNameModal } from './RoleDialogs.tsx';
import { roleLabel, useRoleDetails } from './useRoles.ts';

function RoleActions({
  role,
  onRename,
  onCopy,
  onDelete,
}: {
  role: RoleDetail;
  onRename: () => void;
  onCopy: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    // The row opens the editor; clicks on the menu must not.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row click from bubbling
    // biome-ignore lint/a11y/useKeyWithClickEvents: the menu itself is keyboard reachable
    <div onClick={(event) => event.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('admin.roles.actionsFor', { name: roleLabel(role) })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={onRename}>
            {t('admin.roles.rename')}
          </Menu.Item>
          <Menu.Item leftSection={<IconCopy size={14} />} onClick={onCopy}>
            {t('admin.roles.copy')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
            {t('admin.roles.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}

/** All roles with how many people hold them; each opens the role editor. */
export default function RolesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roles = useRoleDetails();
  const [naming, setNaming] = useState<NameDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<RoleDetail | null>(null);
  const copy = useMutation({
    mutationFn: (role: RoleDetail) =>
      createRole({ name: t('admin.roles.copyName', { name: roleLabel(role) }), copyFromId: role.id }),
    onSuccess: (role) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      notifications.show({ color: 'green', message: t('admin.roles.created', { name: role.name }) });
    },
  });

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={1} size="h3">
          {t('admin.roles.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setNaming({ mode: 'create' })}>
          {t('admin.roles.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('admin.roles.intro')}
      </Text>
      {(roles.error || copy.error) && <ErrorAlert error={roles.error ?? copy.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.roles.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.roles.name')}</Table.Th>
                <Table.Th>{t('admin.roles.key')}</Table.Th>
                <Table.Th ta="right">{t('admin.roles.users')}</Table.Th>
                <Table.Th ta="right">{t('admin.roles.permissions')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.isPending &&
                [0, 1, 2, 3, 4].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={5}>
                      <Skeleton h={28} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {(roles.data ?? []).map((role) => {
                const to = `/admin/roles/${role.id}`;
                return (
                  <Table.Tr key={role.id} className="fd-clickable-row" onClick={() => void navigate(to)}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <IconShieldLock size={16} color="var(--mantine-color-indigo-6)" aria-hidden />
                        <Text component={Link} to={to} size="sm" fw={500}>
                          {roleLabel(role)}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Code>{role.key}</Code>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Badge variant="light" color={role.userCount > 0 ? 'indigo' : 'gray'}>
                        {role.userCount}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{role.permissions.length}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleActions
                        role={role}
                        onRename={() => setNaming({ mode: 'rename', role })}
                        onCopy={() => copy.mutate(role)}
                        onDelete={() => setDeleting(role)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {roles.data?.length === 0 && <EmptyState title={t('admin.roles.empty')} />}
      </Paper>
      <RoleNameModal
        target={naming}
        onClose={(role) => {
          const created = naming?.mode === 'create' && role;
          setNaming(null);
          if (created) void navigate(`/admin/roles/${role.id}`);
        }}
      />
      <DeleteRoleModal role={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

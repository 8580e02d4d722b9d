import { Anchor, Badge, Button, Code, Group, Modal, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconPencil, IconTable } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams, useSearchParams } from 'react-router';
import type { RoleDetail } from '../../api/roles.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldRulesTab } from './FieldRulesTab.tsx';
import { PermissionsTab } from './PermissionsTab.tsx';
import { RoleNameModal } from './RoleDialogs.tsx';
import { roleLabel, useRoleDetails } from './useRoles.ts';

type EditorTab = 'permissions' | 'fields';

/** Asks before leaving the editor with changes that were not saved. */
function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('admin.editor.leaveTitle')}>
      <Stack>
        <Text size="sm">{t('admin.editor.leaveText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('admin.editor.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('admin.editor.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DirtyDot({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Badge size="xs" circle color="orange" aria-label={t('admin.editor.unsaved')}>
      •
    </Badge>
  );
}

function RoleHeader({ role }: { role: RoleDetail }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  return (
    <Group justify="space-between" align="flex-start" mb="md">
      <div>
        <Anchor component={Link} to="/admin/roles" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('admin.roles.backToList')}
          </Group>
        </Anchor>
        <Group gap="sm" mt={6}>
          <Title order={1} size="h3">
            {roleLabel(role)}
          </Title>
          <Code>{role.key}</Code>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {t('admin.roles.summary', { users: role.userCount, permissions: role.permissions.length })}
        </Text>
      </div>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>
        {t('admin.roles.rename')}
      </Button>
      <RoleNameModal target={renaming ? { mode: 'rename', role } : null} onClose={() => setRenaming(false)} />
    </Group>
  );
}

/** One role: what its holders may do (permissions) and which ticket fields they see or edit. */
export default function RoleEditorPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: EditorTab = params.get('tab') === 'fields' ? 'fields' : 'permissions';
  const roles = useRoleDetails();
  const [dirty, setDirty] = useState<Record<EditorTab, boolean>>({ permissions: false, fields: false });
  const onPermissionsDirty = useCallback((value: boolean) => setDirty((d) => ({ ...d, permissions: value })), []);
  const onFieldsDirty = useCallback((value: boolean) => setDirty((d) => ({ ...d, fields: value })), []);

  if (roles.error) return <ErrorAlert error={roles.error} />;
  if (roles.isPending) {
    return (
      <Stack>
        <Skeleton h={48} w="40%" />
        <Skeleton h={36} w={320} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  const role = roles.data.find((item) => item.id === id);
  if (!role) {
    return (
      <EmptyState
        title={t('admin.roles.notFound')}
        action={
          <Button component={Link} to="/admin/roles" variant="light">
            {t('admin.roles.backToList')}
          </Button>
        }
      />
    );
  }

  return (
    <>
      <RoleHeader role={role} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'fields' ? { tab: 'fields' } : {}, { replace: true })}
        keepMounted
      >
        <Tabs.List mb="md">
          <Tabs.Tab
            value="permissions"
            leftSection={<IconLock size={14} />}
            rightSection={<DirtyDot show={dirty.permissions} />}
          >
            {t('admin.editor.permissionsTab')}
          </Tabs.Tab>
          <Tabs.Tab
            value="fields"
            leftSection={<IconTable size={14} />}
            rightSection={<DirtyDot show={dirty.fields} />}
          >
            {t('admin.editor.fieldsTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="permissions">
          <PermissionsTab key={role.permissions.join()} role={role} onDirtyChange={onPermissionsDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="fields">
          <FieldRulesTab key={JSON.stringify(role.fieldRules)} role={role} onDirtyChange={onFieldsDirty} />
        </Tabs.Panel>
      </Tabs>
      <LeaveGuard dirty={dirty.permissions || dirty.fields} />
    </>
  );
}

import { Alert, Badge, Checkbox, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleDetail } from '../../api/roles.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SaveBar } from './SaveBar.tsx';
import { usePermissionGroups, useUpdateRole } from './useRoles.ts';

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === new Set(b).size && b.every((item) => a.has(item));
}

interface GroupCardProps {
  groupKey: string;
  permissions: string[];
  granted: ReadonlySet<string>;
  onToggle: (names: string[], on: boolean) => void;
}

/** One group of the permission checklist: a select-all box, a count and a box per permission. */
export function PermissionGroupCard({ groupKey, permissions, granted, onToggle }: GroupCardProps) {
  const { t } = useTranslation();
  const count = permissions.filter((name) => granted.has(name)).length;
  const title = t(`permissionGroup.${groupKey}.title`, { defaultValue: groupKey });
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Checkbox
          label={
            <Text fw={600} size="sm">
              {title}
            </Text>
          }
          checked={count === permissions.length && count > 0}
          indeterminate={count > 0 && count < permissions.length}
          onChange={(event) => onToggle(permissions, event.currentTarget.checked)}
          aria-label={t('admin.editor.selectAll', { group: title })}
        />
        <Badge variant="light" color={count > 0 ? 'indigo' : 'gray'} tt="none">
          {t('admin.editor.granted', { count, total: permissions.length })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm" ml={32}>
        {t(`permissionGroup.${groupKey}.description`, { defaultValue: '' })}
      </Text>
      <Stack gap="sm" ml={32}>
        {permissions.map((name) => (
          <Checkbox
            key={name}
            value={name}
            checked={granted.has(name)}
            onChange={(event) => onToggle([name], event.currentTarget.checked)}
            label={t(`permission.${name}.label`, { defaultValue: name })}
            description={t(`permission.${name}.description`, { defaultValue: '' }) || undefined}
            data-permission={name}
          />
        ))}
      </Stack>
    </Paper>
  );
}

/** The permission checklist, grouped as the server's catalogue groups it. */
export function PermissionsTab({ role, onDirtyChange }: { role: RoleDetail; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const groups = usePermissionGroups();
  const save = useUpdateRole(role.id);
  const [granted, setGranted] = useState<ReadonlySet<string>>(() => new Set(role.permissions));
  const dirty = !sameSet(granted, role.permissions);
  // Removing role administration from one's own role would lock everyone out; the server refuses it.
  const selfLockout = me?.user.role === role.key && !granted.has('admin.roles.manage');
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const toggle = (names: string[], on: boolean) => {
    setGranted((old) => {
      const next = new Set(old);
      for (const name of names) {
        if (on) next.add(name);
        else next.delete(name);
      }
      return next;
    });
  };

  const submit = () =>
    save.mutate(
      { permissions: [...granted].sort() },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'green', message: t('admin.editor.saved', { name: saved.name }) }),
      },
    );

  return (
    <>
      <SaveBar
        dirty={dirty}
        saving={save.isPending}
        onSave={submit}
        onReset={() => setGranted(new Set(role.permissions))}
      >
        <Text size="sm" c="dimmed" visibleFrom="md">
          {t('admin.editor.permissionsHint')}
        </Text>
      </SaveBar>
      {selfLockout && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} mb="md">
          {t('admin.editor.selfLockout', { permission: t('permission.admin.roles.manage.label') })}
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} title={t('admin.editor.notSaved')} mb="md" />}
      {groups.error && <ErrorAlert error={groups.error} mb="md" />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {groups.isPending && [0, 1, 2, 3].map((i) => <Skeleton key={i} h={260} />)}
        {groups.data?.map((group) => (
          <PermissionGroupCard
            key={group.key}
            groupKey={group.key}
            permissions={group.permissions}
            granted={granted}
            onToggle={toggle}
          />
        ))}
      </SimpleGrid>
    </>
  );
}

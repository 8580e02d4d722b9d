import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { createRole, deleteRole, type RoleDetail, updateRole } from '../../api/roles.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { roleLabel } from './useRoles.ts';

const MAX_NAME_LENGTH = 100;

/** What the name dialog does: create a new empty role, or rename an existing one. */
export type NameDialogTarget = { mode: 'create' } | { mode: 'rename'; role: RoleDetail };

function RoleNameForm({ target, onDone }: { target: NameDialogTarget; onDone: (role?: RoleDetail) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: target.mode === 'rename' ? roleLabel(target.role) : '' },
    validate: {
      name: (value) =>
        !value.trim()
          ? t('common.required')
          : value.trim().length > MAX_NAME_LENGTH
            ? t('admin.roles.nameTooLong', { count: MAX_NAME_LENGTH })
            : null,
    },
  });
  const save = useMutation({
    mutationFn: (name: string) =>
      target.mode === 'create' ? createRole({ name }) : updateRole(target.role.id, { name }),
    onSuccess: (role) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      const key = target.mode === 'create' ? 'admin.roles.created' : 'admin.roles.renamed';
      notifications.show({ color: 'green', message: t(key, { name: role.name }) });
      onDone(role);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.name.trim()))} noValidate>
      <Stack>
        {save.error && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('admin.roles.name')}
          description={target.mode === 'create' ? t('admin.roles.createHint') : undefined}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {target.mode === 'create' ? t('admin.roles.create') : t('admin.roles.rename')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RoleNameModal({
  target,
  onClose,
}: {
  target: NameDialogTarget | null;
  onClose: (role?: RoleDetail) => void;
}) {
  const { t } = useTranslation();
  const title = target?.mode === 'rename' ? t('admin.roles.renameTitle') : t('admin.roles.createTitle');
  return (
    <Modal opened={target !== null} onClose={() => onClose()} title={title}>
      {target && <RoleNameForm target={target} onDone={onClose} />}
    </Modal>
  );
}

/** Confirms deletion; the server's refusal (role in use, role required) is shown right here. */
export function DeleteRoleModal({ role, onClose }: { role: RoleDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => deleteRole(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      notifications.show({ color: 'green', message: t('admin.roles.deleted', { name: role ? roleLabel(role) : '' }) });
      close();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <Modal opened={role !== null} onClose={close} title={t('admin.roles.deleteTitle')}>
      {role && (
        <Stack>
          {remove.error && <ErrorAlert error={remove.error} title={t('admin.roles.notDeleted')} />}
          <Text size="sm">{t('admin.roles.deleteConfirm', { name: roleLabel(role) })}</Text>
          {role.userCount > 0 && !remove.error && (
            <Text size="sm" c="dimmed">
              {t('admin.roles.deleteInUseHint', { count: role.userCount })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(role.id)}>
              {t('admin.roles.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { type CreateUserInput, createUser } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useRoles } from './useRoles.ts';

const MIN_PASSWORD_LENGTH = 8;

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const form = useForm<CreateUserInput>({
    initialValues: { name: '', email: '', role: 'customer', password: '' },
    validate: {
      name: (value) => (value.trim() ? null : t('common.required')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')),
      role: (value) => (value ? null : t('common.required')),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t('auth.passwordTooShort', { count: MIN_PASSWORD_LENGTH }),
    },
  });
  const create = useMutation({
    mutationFn: (values: CreateUserInput) =>
      createUser({ ...values, name: values.name.trim(), email: values.email.trim() }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      notifications.show({ color: 'green', message: t('admin.userCreated', { name: user.name }) });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'email_taken') form.setFieldError('email', t('errors.email_taken'));
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        {create.error && <ErrorAlert error={create.error} />}
        <TextInput label={t('admin.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('admin.email')} type="email" required {...form.getInputProps('email')} />
        <Select
          label={t('admin.role')}
          required
          allowDeselect={false}
          data={(roles.data ?? []).map((role) => ({
            value: role.key,
            label: t(`role.${role.key}`, { defaultValue: role.name }),
          }))}
          {...form.getInputProps('role')}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          label={t('admin.initialPassword')}
          description={t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('admin.createUser')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.createUser')}>
      {opened && <CreateUserForm onDone={onClose} />}
    </Modal>
  );
}

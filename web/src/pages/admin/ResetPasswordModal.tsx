import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/auth.ts';
import { resetPassword } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ShownOnceSecret } from '../../components/ShownOnceSecret.tsx';

/**
 * Confirms, resets and shows the temporary password exactly once: it lives only in this
 * mutation's result and is gone when the dialog closes.
 */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useMutation({ mutationFn: (id: number) => resetPassword(id) });
  const close = () => {
    reset.reset();
    onClose();
  };
  const password = reset.data?.temporaryPassword;

  return (
    <Modal opened={user !== null} onClose={close} title={t('admin.resetPassword')}>
      {user && (
        <Stack>
          {reset.error && <ErrorAlert error={reset.error} />}
          {password ? (
            <ShownOnceSecret
              title={t('admin.temporaryPassword')}
              hint={t('admin.temporaryPasswordHint', { name: user.name })}
              value={password}
              testId="temporary-password"
              onDone={close}
            />
          ) : (
            <>
              <Text size="sm">{t('admin.resetConfirm', { name: user.name, email: user.email })}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button color="orange" loading={reset.isPending} onClick={() => reset.mutate(user.id)}>
                  {t('admin.resetPassword')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}

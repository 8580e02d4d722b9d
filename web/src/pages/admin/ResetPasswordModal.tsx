import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/auth.ts';
import { resetPassword } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

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
            <>
              <Alert color="green" icon={<IconKey size={16} />} title={t('admin.temporaryPassword')}>
                {t('admin.temporaryPasswordHint', { name: user.name })}
              </Alert>
              <Group gap="xs" wrap="nowrap">
                <Code fz="lg" p="sm" data-testid="temporary-password" style={{ flex: 1, userSelect: 'all' }}>
                  {password}
                </Code>
                <CopyButton value={password}>
                  {({ copied, copy }) => (
                    <Button
                      variant="light"
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                      leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    >
                      {copied ? t('common.copied') : t('common.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Group justify="flex-end">
                <Button onClick={close}>{t('common.done')}</Button>
              </Group>
            </>
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

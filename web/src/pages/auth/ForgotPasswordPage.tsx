import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/**
 * Asks for a link to set a new password. The answer is the same for every address, so the page
 * cannot tell anyone whether an account exists.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')) },
  });
  const send = useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });

  return (
    <AuthFrame title={t('auth.forgot.title')} subtitle={send.isSuccess ? undefined : t('auth.forgot.subtitle')}>
      {send.isSuccess ? (
        <Stack>
          <Alert color="green" variant="light" icon={<IconMailCheck size={18} />} role="status">
            {t('auth.forgot.sent', { email: send.variables })}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('auth.forgot.sentHint')}
          </Text>
          <Button component={Link} to="/login" variant="default" fullWidth>
            {t('auth.backToLogin')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => send.mutate(values.email.trim()))} noValidate>
          <Stack>
            {send.error && <ErrorAlert error={send.error} />}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={send.isPending} fullWidth mt="xs">
              {t('auth.forgot.submit')}
            </Button>
            <Text size="sm" ta="center" c="dimmed">
              <Anchor component={Link} to="/login">
                {t('auth.backToLogin')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}

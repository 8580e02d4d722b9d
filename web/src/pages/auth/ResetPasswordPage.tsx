import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLinkOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { confirmPasswordReset } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { linkRefusal, MIN_PASSWORD_LENGTH, newPasswordProblems } from './password-rules.ts';

interface ResetValues {
  password: string;
  repeat: string;
}

/** The link is missing, used or expired: say so and offer a new one. */
function DeadLink({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert
        color="orange"
        variant="light"
        icon={<IconLinkOff size={18} />}
        title={title}
        data-testid="reset-dead-link"
      >
        {t('auth.reset.deadLinkHint')}
      </Alert>
      <Button component={Link} to="/forgot-password" fullWidth>
        {t('auth.reset.askAgain')}
      </Button>
    </Stack>
  );
}

/** Sets a new password with the token from the reset mail, then sends the user to sign in. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get('token') ?? '';
  const form = useForm<ResetValues>({
    initialValues: { password: '', repeat: '' },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(newPasswordProblems(values.password, values.repeat)).map(([field, key]) => [
          field,
          t(key, { count: MIN_PASSWORD_LENGTH }),
        ]),
      ),
  });
  const reset = useMutation({
    mutationFn: (values: ResetValues) => confirmPasswordReset(token, values.password),
    onSuccess: () => {
      notifications.show({ color: 'green', title: t('auth.reset.doneTitle'), message: t('auth.reset.done') });
      void navigate('/login', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && linkRefusal(error) === 'password') {
        form.setFieldError('password', t('auth.passwordTooShort', { count: MIN_PASSWORD_LENGTH }));
      }
    },
  });
  const refusal = isApiError(reset.error) ? linkRefusal(reset.error) : null;

  return (
    <AuthFrame title={t('auth.reset.title')} subtitle={token ? t('auth.reset.subtitle') : undefined}>
      {!token || refusal === 'token' ? (
        <DeadLink title={token ? t('auth.reset.expired') : t('auth.reset.incomplete')} />
      ) : (
        <form onSubmit={form.onSubmit((values) => reset.mutate(values))} noValidate>
          <Stack>
            {reset.error && refusal === null && <ErrorAlert error={reset.error} />}
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
              label={t('auth.reset.newPassword')}
              description={t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              required
              autoFocus
              {...form.getInputProps('password')}
            />
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
              label={t('auth.reset.repeat')}
              autoComplete="new-password"
              required
              {...form.getInputProps('repeat')}
            />
            <Button type="submit" loading={reset.isPending} fullWidth mt="xs">
              {t('auth.reset.submit')}
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

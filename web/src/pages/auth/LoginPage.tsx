import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { fetchMe, login } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { homePath } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { LoginRedirectState } from '../../components/guards.tsx';
import { AuthFrame } from './AuthFrame.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as LoginRedirectState | null)?.from;

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : t('auth.emailInvalid')),
      password: (value) => (value ? null : t('auth.passwordRequired')),
    },
  });

  const signIn = useMutation({
    mutationFn: async (values: { email: string; password: string }) => {
      await login(values.email.trim(), values.password);
      // /me carries the permissions that decide the first screen.
      return fetchMe();
    },
    onSuccess: (me) => {
      if (!me) return;
      queryClient.setQueryData(queryKeys.me, me);
      void navigate(from && from !== '/' ? from : homePath(me), { replace: true });
    },
  });

  return (
    <AuthFrame title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          {signIn.error && <ErrorAlert error={signIn.error} />}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <Stack gap={4}>
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Anchor component={Link} to="/forgot-password" size="sm" ta="right">
              {t('auth.forgotLink')}
            </Anchor>
          </Stack>
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/register">
              {t('auth.createAccount')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}

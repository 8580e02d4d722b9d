import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconLinkOff, IconUserQuestion } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { confirmEmail, fetchMe } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { homePath, useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { linkRefusal } from './password-rules.ts';

/** Where to go next: the signed-in user's home (the portal shows the banner to resend), or sign in. */
function NextStep({ label }: { label: 'continue' | 'signInToResend' }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (me) {
    return (
      <Button component={Link} to={homePath(me)} fullWidth>
        {t(label === 'continue' ? 'auth.confirm.toPortal' : 'auth.confirm.toPortalToResend')}
      </Button>
    );
  }
  return (
    <Button component={Link} to="/login" fullWidth variant={label === 'continue' ? 'filled' : 'default'}>
      {t(label === 'continue' ? 'auth.signIn' : 'auth.confirm.signInToResend')}
    </Button>
  );
}

/**
 * For whoever got the mail without registering: the mail can be ignored, and a password reset
 * (which proves the mailbox and ends every session, ADR 0025) makes the account theirs.
 */
function NotYou() {
  const { t } = useTranslation();
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconUserQuestion size={18} />}
      title={t('auth.confirm.notYouTitle')}
      data-testid="confirm-email-not-you"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('auth.confirm.notYou')}</Text>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('auth.confirm.setPassword')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/**
 * Opened from the confirmation mail, signed in or not. The address is confirmed only when the
 * person enters the account's password and presses the button: mail scanners that open links on
 * their own must not confirm an address for whoever registered it (ADR 0025), and whoever gets
 * the mail must not confirm, and then use, an account someone else registered with a password of
 * their own (ADR 0026, addendum). Confirming signs the link's owner in and opens their home screen.
 */
export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const token = useSearchParams()[0].get('token') ?? '';
  // A signed-in browser must send its CSRF token, which arrives with the session.
  const me = useMe();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('auth.passwordRequired')) },
  });
  const confirm = useMutation({
    mutationFn: async (password: string) => {
      const confirmed = await confirmEmail(token, password);
      // /me carries the permissions that decide the first screen.
      return { ...confirmed, me: await fetchMe() };
    },
    onSuccess: ({ joinedOrganization, me: signedIn }) => {
      // The browser may have been signed in as someone else: drop every other cached answer.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, signedIn);
      if (!signedIn) return;
      notifications.show({
        color: 'green',
        title: t('auth.confirm.doneTitle'),
        message: joinedOrganization ? t('auth.confirm.joined') : t('auth.confirm.done'),
        autoClose: 8000,
      });
      void navigate(homePath(signedIn), { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && linkRefusal(error) === 'password') {
        form.setFieldError('password', t('auth.confirm.wrongPassword'));
      }
    },
  });
  const refusal = isApiError(confirm.error) ? linkRefusal(confirm.error) : null;
  const deadLink = !token || refusal === 'token';

  return (
    <AuthFrame title={t('auth.confirm.title')}>
      {confirm.isSuccess ? (
        <Stack>
          <Alert
            color="green"
            variant="light"
            icon={<IconCircleCheck size={18} />}
            title={t('auth.confirm.doneTitle')}
            role="status"
            data-testid="confirm-email-done"
          >
            {confirm.data.joinedOrganization ? t('auth.confirm.joined') : t('auth.confirm.done')}
          </Alert>
          <NextStep label="continue" />
        </Stack>
      ) : deadLink ? (
        <Stack>
          <Alert
            color="orange"
            variant="light"
            icon={<IconLinkOff size={18} />}
            title={token ? t('auth.confirm.expired') : t('auth.reset.incomplete')}
            data-testid="confirm-email-dead-link"
          >
            {t('auth.confirm.deadLinkHint')}
          </Alert>
          <NextStep label="signInToResend" />
        </Stack>
      ) : (
        <Stack>
          <form onSubmit={form.onSubmit((values) => confirm.mutate(values.password))} noValidate>
            <Stack>
              <Text size="sm">{t('auth.confirm.explain')}</Text>
              {confirm.error && refusal === null && <ErrorAlert error={confirm.error} />}
              <Stack gap={4}>
                <PasswordInput
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  autoFocus
                  {...form.getInputProps('password')}
                />
                <Anchor component={Link} to="/forgot-password" size="sm" ta="right">
                  {t('auth.forgotLink')}
                </Anchor>
              </Stack>
              <Button type="submit" loading={confirm.isPending || me.isPending} fullWidth>
                {t('auth.confirm.submit')}
              </Button>
            </Stack>
          </form>
          <NotYou />
        </Stack>
      )}
    </AuthFrame>
  );
}

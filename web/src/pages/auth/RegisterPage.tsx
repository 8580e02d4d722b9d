import { Anchor, Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LOCALES, type Locale } from '../../../../common/domain.ts';
import { fetchMe, register } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { homePath } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import i18n, { currentLocale, isLocale, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { MIN_PASSWORD_LENGTH } from './password-rules.ts';

interface RegisterValues {
  name: string;
  email: string;
  password: string;
  locale: Locale;
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const form = useForm<RegisterValues>({
    initialValues: { name: '', email: '', password: '', locale: currentLocale() },
    validate: {
      name: (value) => (value.trim() ? null : t('auth.nameRequired')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t('auth.passwordTooShort', { count: MIN_PASSWORD_LENGTH }),
    },
  });

  const signUp = useMutation({
    mutationFn: async (values: RegisterValues) => {
      await register({ ...values, name: values.name.trim(), email: values.email.trim() });
      return fetchMe();
    },
    onSuccess: (me) => {
      if (!me) return;
      queryClient.setQueryData(queryKeys.me, me);
      void navigate(homePath(me), { replace: true });
    },
    onError: (error) => {
      if (error instanceof Error && 'code' in error && error.code === 'email_taken') {
        form.setFieldError('email', t('errors.email_taken'));
      }
    },
  });

  return (
    <AuthFrame title={t('auth.registerTitle')} subtitle={t('auth.registerSubtitle')} withLanguageSwitcher={false}>
      <form onSubmit={form.onSubmit((values) => signUp.mutate(values))} noValidate>
        <Stack>
          {signUp.error && <ErrorAlert error={signUp.error} />}
          <TextInput label={t('auth.name')} autoComplete="name" required autoFocus {...form.getInputProps('name')} />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
            label={t('auth.password')}
            description={t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Select
            label={t('auth.language')}
            data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
            onChange={(value) => {
              if (!isLocale(value)) return;
              form.setFieldValue('locale', value);
              void i18n.changeLanguage(value); // show the form in the language being chosen
            }}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth mt="xs">
            {t('auth.register')}
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}

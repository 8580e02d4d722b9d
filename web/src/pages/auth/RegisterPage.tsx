import { Alert, Anchor, Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES, type Locale } from '../../../../common/domain.ts';
import { register } from '../../api/auth.ts';
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

/**
 * What registration shows once the form is accepted, the same for every address: the server
 * does not say whether it had an account (ADR 0026). The mail tells that person what to do.
 */
function CheckMailbox({ email, onAgain }: { email: string; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="register-check-mailbox">
      <Alert color="green" variant="light" icon={<IconMailCheck size={18} />} role="status">
        {t('auth.checkMailbox.sent', { email })}
      </Alert>
      <Text size="sm">{t('auth.checkMailbox.existing')}</Text>
      <Text size="sm" c="dimmed">
        {t('auth.checkMailbox.hint')}
      </Text>
      <Button component={Link} to="/login" variant="default" fullWidth>
        {t('auth.backToLogin')}
      </Button>
      <Text size="sm" ta="center">
        <Anchor component="button" type="button" onClick={onAgain}>
          {t('auth.checkMailbox.again')}
        </Anchor>
      </Text>
    </Stack>
  );
}

/**
 * Self-registration. Nobody is signed in here: the link mailed to the address confirms it and
 * signs in (ConfirmEmailPage), so only whoever reads the mailbox gets in.
 */
export default function RegisterPage() {
  const { t } = useTranslation();

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
    mutationFn: (values: RegisterValues) =>
      register({ ...values, name: values.name.trim(), email: values.email.trim() }),
  });

  if (signUp.isSuccess) {
    return (
      <AuthFrame title={t('auth.checkMailbox.title')} withLanguageSwitcher={false}>
        <CheckMailbox
          email={signUp.variables.email.trim()}
          onAgain={() => {
            signUp.reset();
            form.setFieldValue('email', '');
          }}
        />
      </AuthFrame>
    );
  }

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

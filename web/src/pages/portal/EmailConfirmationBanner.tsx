import { Alert, Button, Group, Text } from '@mantine/core';
import { IconMailExclamation } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { resendEmailConfirmation } from '../../api/auth.ts';
import { useMe } from '../../app/session.ts';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';

/**
 * Asks a customer whose address is not confirmed yet to use the mailed link, with a way to get
 * a new one. Until then their organization's shared requests stay hidden (the server decides).
 */
export function EmailConfirmationBanner() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe().data;
  const resend = useMutation({ mutationFn: resendEmailConfirmation });
  if (!me || me.user.emailVerified) return null;

  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconMailExclamation size={18} />}
      title={t('portal.confirmBanner.title')}
      mb="md"
      data-testid="email-confirmation-banner"
    >
      <Text size="sm">{t('portal.confirmBanner.text', { email: me.user.email })}</Text>
      <Group gap="sm" mt="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => resend.mutate()}
          loading={resend.isPending}
          disabled={resend.isSuccess}
        >
          {t('portal.confirmBanner.resend')}
        </Button>
        {resend.isSuccess && (
          <Text size="sm" c="dimmed" role="status">
            {t('portal.confirmBanner.sent')}
          </Text>
        )}
        {resend.error && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(resend.error)}
          </Text>
        )}
      </Group>
    </Alert>
  );
}

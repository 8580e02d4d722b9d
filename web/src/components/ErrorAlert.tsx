import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** A translated message for an API error code, falling back to the server's own text. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (isApiError(error)) {
      const key = `errors.${error.code}`;
      const translated = t(key, { fields: error.fields.map((f) => t(`field.${f}`, { defaultValue: f })).join(', ') });
      return translated === key ? error.message || t('errors.unknown') : translated;
    }
    return t('errors.unknown');
  };
}

interface ErrorAlertProps extends Omit<AlertProps, 'children' | 'title'> {
  error: unknown;
  title?: string;
}

/** Shows an error where it happened, in words the user can act on. */
export function ErrorAlert({ error, title, ...props }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={title ?? t('errors.title')}
      {...props}
    >
      {message(error)}
    </Alert>
  );
}

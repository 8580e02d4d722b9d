import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useErrorMessage } from '../../../components/ErrorAlert.tsx';

/**
 * An API error of the notification screens, naming the offending fields in words
 * ("Ticket type", "Service") rather than the generic "check the highlighted input", since a
 * matrix cell has no input to highlight.
 */
export function FieldErrors({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  const known = isApiError(error) && t(`notify.errors.${error.code}`, { defaultValue: '' });
  const fields = isApiError(error)
    ? error.fields.map((f) => t(`notify.fields.${f.replace(/^(changes\.\d+|context)\./, '')}`, { defaultValue: f }))
    : [];
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={title ?? t('errors.title')}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
    >
      {known || message(error)}
      {fields.length > 0 && ` ${t('notify.errors.fields', { fields: fields.join(', ') })}`}
    </Alert>
  );
}

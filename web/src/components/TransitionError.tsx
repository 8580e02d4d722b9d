import { Alert, type AlertProps, List, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { customFieldKey } from '../app/custom-field-values.ts';
import { useCustomFields, useFieldLabel } from '../app/custom-fields.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * Why a status change was refused. When custom fields must be filled before the new status
 * (a 400 naming `cf.<key>` fields), says which ones by their labels; otherwise the usual alert.
 */
export function TransitionError({ error, ...props }: { error: unknown } & Omit<AlertProps, 'children' | 'title'>) {
  const { t } = useTranslation();
  const missing =
    isApiError(error) && error.status === 400 ? error.fields.filter((name) => customFieldKey(name) !== null) : [];
  const fields = useCustomFields(missing.length > 0).data;
  const labelOf = useFieldLabel(fields);
  if (!error) return null;
  if (missing.length === 0) return <ErrorAlert error={error} {...props} />;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconListCheck size={18} />}
      title={t('customFields.requiredTitle')}
      data-testid="required-fields"
      {...props}
    >
      <Text size="sm">{t('customFields.requiredBeforeStatus')}</Text>
      <List size="sm" mt={4}>
        {missing.map((name) => (
          <List.Item key={name}>{labelOf(name)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

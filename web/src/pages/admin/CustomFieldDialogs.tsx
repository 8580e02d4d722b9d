import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconArchive, IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CustomField, deleteCustomField } from '../../api/customfields.ts';
import { queryKeys } from '../../api/keys.ts';
import { fieldLabel } from '../../app/custom-field-values.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';

/**
 * Confirms deletion and then tells what the server did: a field nobody filled in is deleted;
 * a field with values is retired (hidden from new input, its history kept).
 */
export function DeleteCustomFieldModal({ field, onClose }: { field: CustomField | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => deleteCustomField(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
      void queryClient.invalidateQueries({ queryKey: queryKeys.roleDetails });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  const name = field ? fieldLabel(field, currentLocale()) : '';
  const result = remove.data?.result;

  return (
    <Modal opened={field !== null} onClose={close} title={t('admin.fields.deleteTitle')}>
      {field && (
        <Stack>
          {remove.error && <ErrorAlert error={remove.error} title={t('admin.fields.notDeleted')} />}
          {result ? (
            <Alert
              color={result === 'deleted' ? 'green' : 'orange'}
              variant="light"
              icon={result === 'deleted' ? <IconCheck size={18} /> : <IconArchive size={18} />}
              title={t(`admin.fields.result.${result}.title`, { name })}
              data-testid="delete-result"
            >
              {t(`admin.fields.result.${result}.text`)}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t('admin.fields.deleteConfirm', { name })}</Text>
              <Text size="sm" c="dimmed">
                {t('admin.fields.deleteHint')}
              </Text>
            </>
          )}
          <Group justify="flex-end">
            {result ? (
              <Button onClick={close}>{t('common.done')}</Button>
            ) : (
              <>
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(field.id)}>
                  {t('admin.fields.delete')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

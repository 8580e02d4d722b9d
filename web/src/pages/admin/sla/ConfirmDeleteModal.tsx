import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isInUse } from '../useCatalogAdmin.ts';
import { useSlaChanged } from './useSlaAdmin.ts';

/** Something about to be deleted, by id, with the name the texts show. */
export interface DeleteTarget {
  id: number;
  name: string;
}

interface ConfirmDeleteProps {
  target: DeleteTarget | null;
  /** Translation keys under which `deleteTitle`, `deleteConfirm`, `inUse` and `deleted` live. */
  texts: string;
  remove: (id: number) => Promise<void>;
  onClose: () => void;
  /** What to refresh after the deletion; by default the SLA and vendor lists. */
  onDeleted?: () => void;
  /** Extra detail under the `inUse` text, from the fields the 409 names (what still refers to it). */
  inUseDetail?: (fields: string[]) => ReactNode;
}

/**
 * Confirms a deletion. When something still uses the entry the server refuses with 409
 * `in_use`; that is explained right here, and the dialog then only offers to close.
 */
export function ConfirmDeleteModal({ target, texts, remove, onClose, onDeleted, inUseDetail }: ConfirmDeleteProps) {
  const { t } = useTranslation();
  const slaChanged = useSlaChanged();
  const changed = onDeleted ?? slaChanged;
  const mutation = useMutation({
    mutationFn: (entry: DeleteTarget) => remove(entry.id),
    onSuccess: (_, entry) => {
      changed();
      notifications.show({ color: 'green', message: t(`${texts}.deleted`, { name: entry.name }) });
      close();
    },
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  const inUse = isInUse(mutation.error);

  return (
    <Modal opened={target !== null} onClose={close} title={t(`${texts}.deleteTitle`)}>
      {target && (
        <Stack>
          {inUse ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconLink size={18} />}
              title={t('admin.sla.notDeleted')}
              data-testid="in-use"
            >
              {t(`${texts}.inUse`, { name: target.name })}
              {inUseDetail && isApiError(mutation.error) && inUseDetail(mutation.error.fields)}
            </Alert>
          ) : (
            <>
              {mutation.error && <ErrorAlert error={mutation.error} title={t('admin.sla.notDeleted')} />}
              <Text size="sm">{t(`${texts}.deleteConfirm`, { name: target.name })}</Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {inUse ? t('common.done') : t('common.cancel')}
            </Button>
            {!inUse && (
              <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate(target)}>
                {t('admin.sla.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CatalogEntryKind, deleteCatalogEntry } from '../../api/catalog.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInUse, useCatalogChanged } from './useCatalogAdmin.ts';

/** A category, service or group about to be deleted. */
export interface DeleteTarget {
  kind: CatalogEntryKind;
  id: number;
  name: string;
}

/**
 * Confirms deletion of a catalogue entry. When tickets (or services) still refer to it the
 * server refuses with 409 `in_use`; that is explained right here, per kind of entry.
 */
export function CatalogDeleteModal({ target, onClose }: { target: DeleteTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const remove = useMutation({
    mutationFn: (entry: DeleteTarget) => deleteCatalogEntry(entry.kind, entry.id),
    onSuccess: (_, entry) => {
      changed();
      notifications.show({ color: 'green', message: t(`admin.catalog.${entry.kind}.deleted`, { name: entry.name }) });
      close();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  const kind = target?.kind ?? 'categories';

  return (
    <Modal opened={target !== null} onClose={close} title={t(`admin.catalog.${kind}.deleteTitle`)}>
      {target && (
        <Stack>
          {isInUse(remove.error) ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconLink size={18} />}
              title={t('admin.catalog.notDeleted')}
              data-testid="in-use"
            >
              {t(`admin.catalog.${kind}.inUse`, { name: target.name })}
            </Alert>
          ) : (
            remove.error && <ErrorAlert error={remove.error} title={t('admin.catalog.notDeleted')} />
          )}
          {!isInUse(remove.error) && (
            <Text size="sm">{t(`admin.catalog.${kind}.deleteConfirm`, { name: target.name })}</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {isInUse(remove.error) ? t('common.done') : t('common.cancel')}
            </Button>
            {!isInUse(remove.error) && (
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(target)}>
                {t('admin.catalog.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deleteStatus, deleteType } from '../../../api/workflow.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isInUse } from '../useCatalogAdmin.ts';
import type { DefinitionKind } from './DefinitionFields.tsx';
import { useWorkflowChanged } from './useWorkflowAdmin.ts';

/** A status or ticket type about to be deleted. */
export interface DeleteDefinitionTarget {
  key: string;
  name: string;
  system: boolean;
  active: boolean;
}

interface DeleteDefinitionProps {
  kind: DefinitionKind;
  target: DeleteDefinitionTarget | null;
  /** Retires the entry instead (saves it with `active: false`). */
  retire: (key: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Confirms deletion of a status or ticket type. Built-in entries and those tickets still use
 * cannot be deleted (the server answers 409 `in_use`); the dialog then explains why and offers
 * to retire the entry instead, which keeps every ticket as it is.
 */
export function DeleteDefinitionModal({ kind, target, retire, onClose }: DeleteDefinitionProps) {
  const { t } = useTranslation();
  const changed = useWorkflowChanged();
  const remove = useMutation({
    mutationFn: (key: string) => (kind === 'statuses' ? deleteStatus(key) : deleteType(key)),
    onSuccess: async () => {
      await changed();
      notifications.show({ color: 'green', message: t(`workflowAdmin.${kind}.deleted`, { name: target?.name }) });
      close();
    },
  });
  const retiring = useMutation({
    mutationFn: retire,
    onSuccess: () => {
      notifications.show({ color: 'green', message: t(`workflowAdmin.${kind}.retired`, { name: target?.name }) });
      close();
    },
  });
  const close = () => {
    remove.reset();
    retiring.reset();
    onClose();
  };
  // Built-in entries are refused without asking the server: the answer is known.
  const refused = !!target && (target.system || isInUse(remove.error));

  // Built-in statuses cannot be retired (the main process moves tickets into them).
  const canRetire = !(kind === 'statuses' && target?.system);
  return (
    <Modal opened={target !== null} onClose={close} title={t(`workflowAdmin.${kind}.deleteTitle`)}>
      {target && (
        <Stack>
          {refused ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconLock size={18} />}
              title={t('workflowAdmin.notDeleted', { name: target.name })}
              data-testid="in-use"
            >
              <Text size="sm">
                {t(target.system ? `workflowAdmin.${kind}.builtInNoDelete` : `workflowAdmin.${kind}.inUse`)}
              </Text>
              <Text size="sm" mt="xs">
                {!canRetire
                  ? null
                  : target.active
                    ? t(`workflowAdmin.${kind}.retireOffer`)
                    : t('workflowAdmin.alreadyRetired')}
              </Text>
            </Alert>
          ) : (
            <>
              {remove.error && (
                <ErrorAlert error={remove.error} title={t('workflowAdmin.notDeleted', { name: target.name })} />
              )}
              <Text size="sm">{t(`workflowAdmin.${kind}.deleteConfirm`, { name: target.name })}</Text>
              <Text size="sm" c="dimmed">
                {t(`workflowAdmin.${kind}.deleteHint`)}
              </Text>
            </>
          )}
          {retiring.error && <ErrorAlert error={retiring.error} title={t('workflowAdmin.notSaved')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {refused ? t('workflowAdmin.close') : t('common.cancel')}
            </Button>
            {refused && canRetire && target.active && (
              <Button
                leftSection={<IconArchive size={16} />}
                loading={retiring.isPending}
                onClick={() => retiring.mutate(target.key)}
              >
                {t('workflowAdmin.retireInstead')}
              </Button>
            )}
            {!refused && (
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(target.key)}>
                {t('workflowAdmin.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

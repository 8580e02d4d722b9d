import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { saveTransitions } from '../../../api/workflow.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useWorkflowChanged } from './useWorkflowAdmin.ts';

/** Asks before leaving the transitions (another page or tab) with sets that were not saved. */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('workflowAdmin.transitions.leaveTitle')}
    >
      <Stack>
        <Text size="sm">{t('workflowAdmin.transitions.leaveText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('workflowAdmin.transitions.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('workflowAdmin.transitions.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface ResetSetProps {
  /** The ticket type whose own set is dropped; null keeps the dialog closed. */
  type: string | null;
  name: string;
  /** Called after the reset, to drop local edits of the set. */
  onDone: () => void;
  onClose: () => void;
}

/** Confirms dropping a type's own set (PUT with an empty list): the type follows the default set again. */
export function ResetSetModal({ type, name, onDone, onClose }: ResetSetProps) {
  const { t } = useTranslation();
  const changed = useWorkflowChanged();
  const reset = useMutation({
    mutationFn: (key: string) => saveTransitions({ type: key, transitions: [] }),
    onSuccess: async () => {
      await changed();
      onDone();
      notifications.show({ color: 'green', message: t('workflowAdmin.transitions.wasReset', { name }) });
      close();
    },
  });
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Modal opened={type !== null} onClose={close} title={t('workflowAdmin.transitions.resetTitle', { name })}>
      <Stack>
        {reset.error && <ErrorAlert error={reset.error} title={t('workflowAdmin.notSaved')} />}
        <Text size="sm">{t('workflowAdmin.transitions.resetText', { name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={reset.isPending} onClick={() => type && reset.mutate(type)}>
            {t('workflowAdmin.transitions.resetConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

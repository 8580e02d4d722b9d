import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

/** The dialog of an SLA, vendor or organization editor: open while there is a target, its form made for it. */
export function EditorModal<Target>({
  target,
  title,
  size,
  onClose,
  children,
}: {
  target: Target | null;
  title: string;
  size: ModalProps['size'];
  onClose: () => void;
  children: (target: Target) => ReactNode;
}) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size={size}>
      {target !== null && children(target)}
    </Modal>
  );
}

interface EditorFormProps {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** A save error no input shows, above the fields. */
  error: unknown;
  saving: boolean;
  /** Creating a new row (the button says "Create") rather than saving an edit. */
  creating: boolean;
  submitDisabled?: boolean;
  onCancel: () => void;
  /** The fields. */
  children: ReactNode;
}

/** The form of an SLA, vendor or organization editor: the save error, the fields, then Cancel and Save/Create. */
export function EditorForm({ onSubmit, error, saving, creating, submitDisabled, onCancel, children }: EditorFormProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} disabled={submitDisabled}>
            {creating ? t('admin.sla.create') : t('admin.sla.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

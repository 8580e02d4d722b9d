import { ActionIcon, Menu } from '@mantine/core';
import { IconArchive, IconDots, IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface DefinitionActionsProps {
  name: string;
  active: boolean;
  /** Built-in statuses cannot be retired: the main process moves tickets into them. */
  canRetire: boolean;
  onEdit: () => void;
  onActive: (active: boolean) => void;
  onDelete: () => void;
}

/** The "…" menu of a status or ticket type row: edit, retire or reactivate, delete. */
export function DefinitionActions({ name, active, canRetire, onEdit, onActive, onDelete }: DefinitionActionsProps) {
  const { t } = useTranslation();
  return (
    // Rows open their editor; clicks on the menu must not.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row click from bubbling
    // biome-ignore lint/a11y/useKeyWithClickEvents: the menu itself is keyboard reachable
    <div onClick={(event) => event.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('workflowAdmin.actionsFor', { name })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
            {t('workflowAdmin.edit')}
          </Menu.Item>
          {!canRetire ? null : active ? (
            <Menu.Item leftSection={<IconArchive size={14} />} onClick={() => onActive(false)}>
              {t('workflowAdmin.retire')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => onActive(true)}>
              {t('workflowAdmin.reactivate')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
            {t('workflowAdmin.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}

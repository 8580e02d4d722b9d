import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface CatalogAction {
  label: string;
  icon: ReactNode;
  onClick: () => void;
}

/** The "…" menu of a catalogue row: its own actions, then Delete after a divider. */
export function CatalogActions({
  name,
  actions,
  onDelete,
}: {
  name: string;
  actions: CatalogAction[];
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    // Rows open their editor; clicks on the menu must not.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row click from bubbling
    // biome-ignore lint/a11y/useKeyWithClickEvents: the menu itself is keyboard reachable
    <div onClick={(event) => event.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('admin.catalog.actionsFor', { name })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {actions.map((action) => (
            <Menu.Item key={action.label} leftSection={action.icon} onClick={action.onClick}>
              {action.label}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
            {t('admin.catalog.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}

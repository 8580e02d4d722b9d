import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CatalogActions } from '../CatalogActions.tsx';

/** The "…" menu of an SLA or vendor row: Edit, then Delete. */
export function EditDeleteActions({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <CatalogActions
      name={name}
      actions={[{ label: t('admin.sla.edit'), icon: <IconPencil size={14} />, onClick: onEdit }]}
      onDelete={onDelete}
    />
  );
}

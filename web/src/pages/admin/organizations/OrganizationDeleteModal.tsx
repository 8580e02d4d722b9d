import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { deleteOrganization, type Organization } from '../../../api/organizations.ts';
import { ConfirmDeleteModal } from '../sla/ConfirmDeleteModal.tsx';
import { useOrganizationsChanged } from './useOrganizations.ts';

const REFERENCES = ['members', 'tickets', 'contracts'] as const;

/**
 * Confirms deleting an organization. While members, tickets or SLA contracts refer to it the
 * server refuses with 409 `in_use` and names which; that is explained right here.
 */
export function OrganizationDeleteModal({
  organization,
  onClose,
}: {
  organization: Organization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = useOrganizationsChanged();
  return (
    <ConfirmDeleteModal
      target={organization}
      texts="orgAdmin"
      remove={deleteOrganization}
      onClose={onClose}
      onDeleted={changed}
      inUseDetail={(fields) => (
        <List size="sm" mt="xs">
          {REFERENCES.filter((ref) => fields.includes(ref)).map((ref) => (
            <List.Item key={ref}>{t(`orgAdmin.inUseBy.${ref}`)}</List.Item>
          ))}
        </List>
      )}
    />
  );
}

import { Badge, Group, Table, Text, Title } from '@mantine/core';
import { IconBuilding, IconPencil, IconUserCog } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../api/organizations.ts';
import { CatalogActions } from '../CatalogActions.tsx';
import { CatalogTable, CatalogToolbar } from '../CatalogTable.tsx';
import { useOrganizations } from '../sla/useSlaAdmin.ts';
import { OrganizationDeleteModal } from './OrganizationDeleteModal.tsx';
import { type OrganizationDialogTarget, OrganizationModal } from './OrganizationDialog.tsx';
import { OrganizationMembersModal } from './OrganizationMembersModal.tsx';

/** Customer organizations: their e-mail domain, whether members share tickets, and their members. */
export default function OrganizationsPage() {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const [dialog, setDialog] = useState<OrganizationDialogTarget | null>(null);
  const [membersOfId, setMembersOfId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);
  const items = organizations.data ?? [];
  // Looked up by id so the dialog follows the list as it refetches (e.g. the sharing switch).
  const membersOf = items.find((o) => o.id === membersOfId) ?? null;

  return (
    <>
      <Title order={1} size="h3" mb="md">
        {t('orgAdmin.title')}
      </Title>
      <CatalogToolbar
        intro={t('orgAdmin.intro')}
        createLabel={t('orgAdmin.create')}
        onCreate={() => setDialog({ mode: 'create' })}
      />
      <CatalogTable
        label={t('orgAdmin.title')}
        minWidth={640}
        head={
          <>
            <Table.Th>{t('orgAdmin.name')}</Table.Th>
            <Table.Th>{t('orgAdmin.domain')}</Table.Th>
            <Table.Th>{t('orgAdmin.sharing')}</Table.Th>
            <Table.Th ta="right">{t('orgAdmin.memberCount')}</Table.Th>
          </>
        }
        columns={5}
        loadingRows={3}
        loading={organizations.isPending}
        error={organizations.error}
        empty={organizations.data !== undefined && items.length === 0}
        emptyTitle={t('orgAdmin.empty')}
        emptyIcon={<IconBuilding size={26} />}
      >
        {items.map((organization) => (
          <Table.Tr
            key={organization.id}
            className="fd-clickable-row"
            onClick={() => setMembersOfId(organization.id)}
            data-testid={`organization-row-${organization.id}`}
          >
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <IconBuilding size={16} color="var(--mantine-color-indigo-6)" aria-hidden />
                <Text size="sm" fw={500}>
                  {organization.name}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td>
              {organization.domain ? (
                <Text size="sm" ff="monospace">
                  @{organization.domain}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('orgAdmin.noDomain')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={organization.sharedTickets ? 'teal' : 'gray'} tt="none" fw={600}>
                {organization.sharedTickets ? t('orgAdmin.sharedOn') : t('orgAdmin.sharedOff')}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              <Badge
                variant="light"
                color={organization.memberCount > 0 ? 'indigo' : 'gray'}
                data-testid="member-count"
              >
                {organization.memberCount}
              </Badge>
            </Table.Td>
            <Table.Td>
              <CatalogActions
                name={organization.name}
                actions={[
                  {
                    label: t('orgAdmin.editMembers'),
                    icon: <IconUserCog size={14} />,
                    onClick: () => setMembersOfId(organization.id),
                  },
                  {
                    label: t('admin.catalog.edit'),
                    icon: <IconPencil size={14} />,
                    onClick: () => setDialog({ mode: 'edit', organization }),
                  },
                ]}
                onDelete={() => setDeleting(organization)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </CatalogTable>
      <OrganizationModal target={dialog} onClose={() => setDialog(null)} />
      <OrganizationMembersModal organization={membersOf} onClose={() => setMembersOfId(null)} />
      <OrganizationDeleteModal organization={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

import { Badge, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconServer, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../app/queries.ts';
import { CatalogActions } from './CatalogActions.tsx';
import { CatalogDeleteModal, type DeleteTarget } from './CatalogDeleteModal.tsx';
import { CatalogTable, CatalogToolbar } from './CatalogTable.tsx';
import { type ServiceDialogTarget, ServiceModal } from './ServiceDialogs.tsx';

/** The services customers and agents pick on a ticket, each with the group that owns it. */
export function ServicesTab() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [dialog, setDialog] = useState<ServiceDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const services = [...(catalog.data?.services ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const groups = catalog.data?.groups ?? [];
  const groupName = new Map(groups.map((group) => [group.id, group.name]));

  return (
    <>
      <CatalogToolbar
        intro={t('admin.catalog.services.intro')}
        createLabel={t('admin.catalog.services.create')}
        onCreate={() => setDialog({ mode: 'create' })}
      />
      <CatalogTable
        label={t('admin.catalog.services.title')}
        minWidth={720}
        head={
          <>
            <Table.Th w="26%">{t('admin.catalog.name')}</Table.Th>
            <Table.Th>{t('admin.catalog.services.description')}</Table.Th>
            <Table.Th w="24%">{t('admin.catalog.services.group')}</Table.Th>
          </>
        }
        columns={4}
        loadingRows={3}
        loading={catalog.isPending}
        error={catalog.error}
        empty={catalog.data !== undefined && services.length === 0}
        emptyTitle={t('admin.catalog.services.empty')}
        emptyIcon={<IconServer size={26} />}
      >
        {services.map((service) => {
          const owner = service.groupId ? groupName.get(service.groupId) : undefined;
          return (
            <Table.Tr
              key={service.id}
              className="fd-clickable-row"
              onClick={() => setDialog({ mode: 'edit', service })}
              data-testid={`service-row-${service.id}`}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <IconServer size={16} color="var(--mantine-color-indigo-6)" aria-hidden />
                  <Text size="sm" fw={500}>
                    {service.name}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {service.description || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {owner ? (
                  <Badge variant="light" color="teal" tt="none" fw={500} leftSection={<IconUsersGroup size={12} />}>
                    {owner}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('admin.catalog.services.noGroup')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <CatalogActions
                  name={service.name}
                  actions={[
                    {
                      label: t('admin.catalog.edit'),
                      icon: <IconPencil size={14} />,
                      onClick: () => setDialog({ mode: 'edit', service }),
                    },
                  ]}
                  onDelete={() => setDeleting({ kind: 'services', id: service.id, name: service.name })}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </CatalogTable>
      <ServiceModal target={dialog} groups={groups} onClose={() => setDialog(null)} />
      <CatalogDeleteModal target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

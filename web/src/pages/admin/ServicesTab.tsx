import { Badge, Button, Group, Paper, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconServer, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../app/queries.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CatalogActions } from './CatalogActions.tsx';
import { CatalogDeleteModal, type DeleteTarget } from './CatalogDeleteModal.tsx';
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
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('admin.catalog.services.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.catalog.services.create')}
        </Button>
      </Group>
      {catalog.error && <ErrorAlert error={catalog.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.catalog.services.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">{t('admin.catalog.name')}</Table.Th>
                <Table.Th>{t('admin.catalog.services.description')}</Table.Th>
                <Table.Th w="24%">{t('admin.catalog.services.group')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalog.isPending &&
                [0, 1, 2].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={4}>
                      <Skeleton h={28} />
                    </Table.Td>
                  </Table.Tr>
                ))}
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
                        <Badge
                          variant="light"
                          color="teal"
                          tt="none"
                          fw={500}
                          leftSection={<IconUsersGroup size={12} />}
                        >
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {catalog.data && services.length === 0 && (
          <EmptyState title={t('admin.catalog.services.empty')} icon={<IconServer size={26} />} />
        )}
      </Paper>
      <ServiceModal target={dialog} groups={groups} onClose={() => setDialog(null)} />
      <CatalogDeleteModal target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

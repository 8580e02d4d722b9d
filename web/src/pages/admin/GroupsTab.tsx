import { Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconUserCog, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogGroup } from '../../api/catalog.ts';
import { useCatalog } from '../../app/queries.ts';
import { CatalogActions } from './CatalogActions.tsx';
import { CatalogDeleteModal, type DeleteTarget } from './CatalogDeleteModal.tsx';
import { CatalogTable, CatalogToolbar } from './CatalogTable.tsx';
import { type GroupDialogTarget, GroupMembersModal, GroupModal } from './GroupDialogs.tsx';
import { useMemberCounts } from './useCatalogAdmin.ts';

/** Support groups by tier (1 = first line), with their members and how many services they own. */
export function GroupsTab() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [dialog, setDialog] = useState<GroupDialogTarget | null>(null);
  const [membersOf, setMembersOf] = useState<CatalogGroup | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const groups = catalog.data?.groups ?? [];
  const counts = useMemberCounts(groups);
  const services = catalog.data?.services ?? [];

  return (
    <>
      <CatalogToolbar
        intro={t('admin.catalog.groups.intro')}
        createLabel={t('admin.catalog.groups.create')}
        onCreate={() => setDialog({ mode: 'create' })}
      />
      <CatalogTable
        label={t('admin.catalog.groups.title')}
        minWidth={640}
        head={
          <>
            <Table.Th>{t('admin.catalog.name')}</Table.Th>
            <Table.Th>
              <Stack gap={0}>
                <span>{t('admin.catalog.groups.tier')}</span>
                <Text span size="xs" c="dimmed" fw={400}>
                  {t('admin.catalog.groups.tierHint')}
                </Text>
              </Stack>
            </Table.Th>
            <Table.Th ta="right">{t('admin.catalog.groups.memberCount')}</Table.Th>
            <Table.Th ta="right">{t('admin.catalog.groups.serviceCount')}</Table.Th>
          </>
        }
        columns={5}
        loadingRows={2}
        loading={catalog.isPending}
        error={catalog.error}
        empty={catalog.data !== undefined && groups.length === 0}
        emptyTitle={t('admin.catalog.groups.empty')}
        emptyIcon={<IconUsersGroup size={26} />}
      >
        {groups.map((group) => {
          const count = counts.get(group.id);
          const owned = services.filter((service) => service.groupId === group.id).length;
          return (
            <Table.Tr
              key={group.id}
              className="fd-clickable-row"
              onClick={() => setMembersOf(group)}
              data-testid={`group-row-${group.id}`}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <IconUsersGroup size={16} color="var(--mantine-color-indigo-6)" aria-hidden />
                  <Text size="sm" fw={500}>
                    {group.name}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color={group.tier === 1 ? 'teal' : 'indigo'} tt="none" fw={600}>
                    {t('admin.catalog.groups.tierValue', { tier: group.tier ?? 1 })}
                  </Badge>
                  {group.tier === 1 && (
                    <Text size="xs" c="dimmed">
                      {t('admin.catalog.groups.firstLine')}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                {count === undefined ? (
                  <Skeleton h={20} w={32} ml="auto" />
                ) : (
                  <Badge variant="light" color={count > 0 ? 'indigo' : 'gray'} data-testid="member-count">
                    {count}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{owned}</Text>
              </Table.Td>
              <Table.Td>
                <CatalogActions
                  name={group.name}
                  actions={[
                    {
                      label: t('admin.catalog.groups.editMembers'),
                      icon: <IconUserCog size={14} />,
                      onClick: () => setMembersOf(group),
                    },
                    {
                      label: t('admin.catalog.edit'),
                      icon: <IconPencil size={14} />,
                      onClick: () => setDialog({ mode: 'edit', group }),
                    },
                  ]}
                  onDelete={() => setDeleting({ kind: 'groups', id: group.id, name: group.name })}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </CatalogTable>
      <GroupModal target={dialog} onClose={() => setDialog(null)} />
      <GroupMembersModal group={membersOf} onClose={() => setMembersOf(null)} />
      <CatalogDeleteModal target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

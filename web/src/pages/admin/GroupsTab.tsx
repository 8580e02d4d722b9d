import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconUserCog, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogGroup } from '../../api/catalog.ts';
import { useCatalog } from '../../app/queries.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CatalogActions } from './CatalogActions.tsx';
import { CatalogDeleteModal, type DeleteTarget } from './CatalogDeleteModal.tsx';
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
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('admin.catalog.groups.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.catalog.groups.create')}
        </Button>
      </Group>
      {catalog.error && <ErrorAlert error={catalog.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.catalog.groups.title')}>
            <Table.Thead>
              <Table.Tr>
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
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalog.isPending &&
                [0, 1].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={5}>
                      <Skeleton h={28} />
                    </Table.Td>
                  </Table.Tr>
                ))}
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {catalog.data && groups.length === 0 && (
          <EmptyState title={t('admin.catalog.groups.empty')} icon={<IconUsersGroup size={26} />} />
        )}
      </Paper>
      <GroupModal target={dialog} onClose={() => setDialog(null)} />
      <GroupMembersModal group={membersOf} onClose={() => setMembersOf(null)} />
      <CatalogDeleteModal target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

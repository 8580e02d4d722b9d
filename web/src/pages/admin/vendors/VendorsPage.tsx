import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteVendor, type Vendor } from '../../../api/vendors.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ConfirmDeleteModal, type DeleteTarget } from '../sla/ConfirmDeleteModal.tsx';
import { EditDeleteActions } from '../sla/EditDeleteActions.tsx';
import { SkeletonRows } from '../sla/SkeletonRows.tsx';
import { usePolicies } from '../sla/useSlaAdmin.ts';
import { useVendors } from './useVendorForm.ts';
import { type VendorDialogTarget, VendorModal } from './VendorDialog.tsx';

const KIND_COLORS: Record<Vendor['kind'], string> = {
  manufacturer: 'indigo',
  dealer: 'grape',
  supplier: 'cyan',
  other: 'gray',
};

// Links in a clickable row must not also open the editor.
const stop = (event: MouseEvent) => event.stopPropagation();

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** Vendors (manufacturers, dealers, suppliers) tickets can be escalated to, with their contacts. */
export default function VendorsPage() {
  const { t } = useTranslation();
  const vendors = useVendors();
  const policies = usePolicies();
  const [dialog, setDialog] = useState<VendorDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const rows = [...(vendors.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const policyName = new Map((policies.data ?? []).map((policy) => [policy.id, policy.name]));
  const error = vendors.error ?? policies.error;

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('admin.vendors.title')}
      </Title>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={720}>
          {t('admin.vendors.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.vendors.create')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.vendors.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.vendors.name')}</Table.Th>
                <Table.Th w={130}>{t('admin.vendors.kind')}</Table.Th>
                <Table.Th>{t('admin.vendors.email')}</Table.Th>
                <Table.Th>{t('admin.vendors.phone')}</Table.Th>
                <Table.Th miw={140}>{t('admin.vendors.policy')}</Table.Th>
                <Table.Th w={110}>{t('admin.vendors.status')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vendors.isPending && <SkeletonRows columns={7} />}
              {rows.map((vendor) => (
                <Table.Tr
                  key={vendor.id}
                  className="fd-clickable-row"
                  onClick={() => setDialog({ mode: 'edit', vendor })}
                  data-testid={`vendor-row-${vendor.id}`}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <IconTruckDelivery
                        size={16}
                        color="var(--mantine-color-indigo-6)"
                        style={{ flexShrink: 0, marginTop: 2 }}
                        aria-hidden
                      />
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {vendor.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {vendor.contacts.length > 0
                            ? t('admin.vendors.contactList', { names: vendor.contacts.map((c) => c.name).join(', ') })
                            : t('admin.vendors.noContacts')}
                        </Text>
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={KIND_COLORS[vendor.kind]} tt="none" fw={500}>
                      {t(`admin.vendors.kinds.${vendor.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {vendor.email ? (
                      <Anchor size="sm" href={`mailto:${vendor.email}`} onClick={stop}>
                        {vendor.email}
                      </Anchor>
                    ) : (
                      dash
                    )}
                  </Table.Td>
                  <Table.Td>
                    {vendor.phone ? (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {vendor.phone}
                      </Text>
                    ) : (
                      dash
                    )}
                  </Table.Td>
                  <Table.Td>
                    {vendor.slaPolicyId ? (
                      <Text size="sm">{policyName.get(vendor.slaPolicyId) ?? `#${vendor.slaPolicyId}`}</Text>
                    ) : (
                      dash
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={vendor.active ? 'green' : 'gray'}>
                      {vendor.active ? t('admin.vendors.active') : t('admin.vendors.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteActions
                      name={vendor.name}
                      onEdit={() => setDialog({ mode: 'edit', vendor })}
                      onDelete={() => setDeleting({ id: vendor.id, name: vendor.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {vendors.data && rows.length === 0 && (
          <EmptyState
            title={t('admin.vendors.empty')}
            description={t('admin.vendors.emptyHint')}
            icon={<IconTruckDelivery size={26} />}
          />
        )}
      </Paper>
      <VendorModal target={dialog} policies={policies.data ?? []} onClose={() => setDialog(null)} />
      <ConfirmDeleteModal
        target={deleting}
        texts="admin.vendors"
        remove={deleteVendor}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

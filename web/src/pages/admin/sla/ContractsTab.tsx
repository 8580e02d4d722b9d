import { Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteContract } from '../../../api/sla.ts';
import { useCatalog } from '../../../app/queries.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ConfirmDeleteModal, type DeleteTarget } from './ConfirmDeleteModal.tsx';
import { HolderCell, ValidityCell } from './ContractCells.tsx';
import { type ContractChoices, type ContractDialogTarget, ContractModal } from './ContractDialog.tsx';
import { EditDeleteActions } from './EditDeleteActions.tsx';
import { SkeletonRows } from './SkeletonRows.tsx';
import { localToday } from './sla-values.ts';
import { useContracts, useCustomers, useOrganizations, usePolicies } from './useSlaAdmin.ts';

/** Contracts: a policy for one organization or customer, for one service or all, for a period. */
export function ContractsTab() {
  const { t } = useTranslation();
  const contracts = useContracts();
  const policies = usePolicies();
  const catalog = useCatalog();
  const customers = useCustomers();
  const organizations = useOrganizations();
  const [dialog, setDialog] = useState<ContractDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const today = localToday();
  const choices: ContractChoices = {
    policies: policies.data ?? [],
    services: [...(catalog.data?.services ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    organizations: organizations.data ?? [],
    customers: customers.data ?? [],
  };
  const policyName = new Map(choices.policies.map((policy) => [policy.id, policy.name]));
  const serviceName = new Map(choices.services.map((service) => [service.id, service.name]));
  const organizationById = new Map(choices.organizations.map((org) => [org.id, org]));
  const rows = contracts.data ?? [];
  const error = contracts.error ?? policies.error ?? catalog.error ?? customers.error ?? organizations.error;

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('admin.sla.contracts.intro')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          disabled={policies.isPending || customers.isPending || organizations.isPending}
          onClick={() => setDialog({ mode: 'create' })}
        >
          {t('admin.sla.contracts.create')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.sla.contracts.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.sla.name')}</Table.Th>
                <Table.Th>{t('admin.sla.contracts.holder')}</Table.Th>
                <Table.Th>{t('admin.sla.contracts.service')}</Table.Th>
                <Table.Th>{t('admin.sla.contracts.policy')}</Table.Th>
                <Table.Th>{t('admin.sla.contracts.validityPeriod')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.isPending && <SkeletonRows columns={6} />}
              {rows.map((contract) => (
                <Table.Tr
                  key={contract.id}
                  className="fd-clickable-row"
                  onClick={() => setDialog({ mode: 'edit', contract })}
                  data-testid={`contract-row-${contract.id}`}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconFileCertificate
                        size={16}
                        color="var(--mantine-color-indigo-6)"
                        style={{ flexShrink: 0 }}
                        aria-hidden
                      />
                      <Text size="sm" fw={500}>
                        {contract.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <HolderCell contract={contract} organizations={organizationById} customers={customers.data ?? []} />
                  </Table.Td>
                  <Table.Td>
                    {contract.serviceId === null ? (
                      <Text size="sm" c="dimmed">
                        {t('admin.sla.contracts.allServices')}
                      </Text>
                    ) : (
                      <Text size="sm">{serviceName.get(contract.serviceId) ?? `#${contract.serviceId}`}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{policyName.get(contract.slaPolicyId) ?? `#${contract.slaPolicyId}`}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ValidityCell contract={contract} today={today} />
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteActions
                      name={contract.name}
                      onEdit={() => setDialog({ mode: 'edit', contract })}
                      onDelete={() => setDeleting({ id: contract.id, name: contract.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {contracts.data && rows.length === 0 && (
          <EmptyState
            title={t('admin.sla.contracts.empty')}
            description={t('admin.sla.contracts.emptyHint')}
            icon={<IconFileCertificate size={26} />}
          />
        )}
      </Paper>
      <ContractModal target={dialog} choices={choices} onClose={() => setDialog(null)} />
      <ConfirmDeleteModal
        target={deleting}
        texts="admin.sla.contracts"
        remove={deleteContract}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/auth.ts';
import type { Organization } from '../../../api/organizations.ts';
import type { Contract } from '../../../api/sla.ts';
import { contractValidity, type Validity } from './sla-values.ts';
import { formatDay } from './useSlaAdmin.ts';

const VALIDITY_COLORS: Record<Validity, string> = { active: 'green', expired: 'red', future: 'yellow' };
const ICON = { size: 14, color: 'var(--mantine-color-gray-6)', style: { flexShrink: 0, marginTop: 3 } };

/** Who holds a contract: the organization (name and e-mail domain) or the customer (name and e-mail). */
export function HolderCell({
  contract,
  organizations,
  customers,
}: {
  contract: Contract;
  organizations: Map<number, Organization>;
  customers: User[];
}) {
  const { t } = useTranslation();
  const byOrganization = contract.organizationId !== null;
  const organization = byOrganization ? organizations.get(contract.organizationId ?? 0) : undefined;
  const customer = byOrganization ? undefined : customers.find((user) => user.id === contract.customerId);
  const primary = byOrganization
    ? (organization?.name ?? `#${contract.organizationId}`)
    : (customer?.name ?? `#${contract.customerId}`);
  const secondary = byOrganization ? organization?.domain : customer?.email;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {byOrganization ? (
        <IconBuilding {...ICON} aria-label={t('admin.sla.contracts.kind.organization')} />
      ) : (
        <IconUser {...ICON} aria-label={t('admin.sla.contracts.kind.customer')} />
      )}
      <Stack gap={0}>
        <Text size="sm">{primary}</Text>
        {secondary && (
          <Text size="xs" c="dimmed">
            {secondary}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

/** The validity period with a badge saying whether the contract applies today. */
export function ValidityCell({ contract, today }: { contract: Contract; today: string }) {
  const { t } = useTranslation();
  const state = contractValidity(contract.validFrom, contract.validTo, today);
  const from = formatDay(contract.validFrom);
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {contract.validTo
          ? t('admin.sla.contracts.period', { from, to: formatDay(contract.validTo) })
          : t('admin.sla.contracts.openEnded', { from })}
      </Text>
      <Badge variant="light" color={VALIDITY_COLORS[state]} data-testid="validity">
        {t(`admin.sla.contracts.validity.${state}`)}
      </Badge>
    </Stack>
  );
}

import type { Contract, ContractInput } from '../../../api/sla.ts';
import { isRealDate } from './week.ts';

export const HOLDER_KINDS = ['organization', 'customer'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** The service select's value for a contract that covers every service. */
export const ALL_SERVICES = 'all';

export interface ContractValues {
  name: string;
  holderKind: HolderKind;
  organizationId: string | null;
  customerId: number | null;
  serviceId: string;
  slaPolicyId: string | null;
  validFrom: string;
  /** '' = open-ended. */
  validTo: string;
}

const idText = (id: number | null | undefined) => (id === null || id === undefined ? null : String(id));

/** The form's values for a contract, or for a new one starting today on the default policy. */
export function toContractValues(
  contract: Contract | null,
  today: string,
  defaultPolicyId: number | null,
): ContractValues {
  return {
    name: contract?.name ?? '',
    holderKind: contract && contract.customerId !== null ? 'customer' : 'organization',
    organizationId: idText(contract?.organizationId),
    customerId: contract?.customerId ?? null,
    serviceId: idText(contract?.serviceId) ?? ALL_SERVICES,
    slaPolicyId: idText(contract ? contract.slaPolicyId : defaultPolicyId),
    validFrom: contract?.validFrom ?? today,
    validTo: contract?.validTo ?? '',
  };
}

/** What the API gets: only the holder of the chosen kind, null for "all services" and no end. */
export function toContractInput(values: ContractValues): ContractInput {
  const byOrganization = values.holderKind === 'organization';
  return {
    name: values.name.trim(),
    organizationId: byOrganization && values.organizationId ? Number(values.organizationId) : null,
    customerId: byOrganization ? null : values.customerId,
    serviceId: values.serviceId === ALL_SERVICES ? null : Number(values.serviceId),
    slaPolicyId: Number(values.slaPolicyId),
    validFrom: values.validFrom,
    validTo: values.validTo || null,
  };
}

/** Errors by form field, as message keys for `t`. */
export function contractProblems(values: ContractValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'common.required';
  if (values.holderKind === 'organization' && !values.organizationId) errors.organizationId = 'common.required';
  if (values.holderKind === 'customer' && values.customerId === null) errors.customerId = 'common.required';
  if (!values.slaPolicyId) errors.slaPolicyId = 'common.required';
  if (!values.validFrom) errors.validFrom = 'common.required';
  else if (!isRealDate(values.validFrom)) errors.validFrom = 'admin.sla.contracts.dateInvalid';
  if (values.validTo && !isRealDate(values.validTo)) errors.validTo = 'admin.sla.contracts.dateInvalid';
  else if (values.validTo && isRealDate(values.validFrom) && values.validTo < values.validFrom) {
    errors.validTo = 'admin.sla.contracts.endBeforeStart';
  }
  return errors;
}

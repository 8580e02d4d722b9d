import { Input, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/auth.ts';
import type { CatalogService } from '../../../api/catalog.ts';
import type { Organization } from '../../../api/organizations.ts';
import { type Contract, createContract, type SlaPolicy, updateContract } from '../../../api/sla.ts';
import { MAX_NAME_LENGTH } from '../CategoryDialogs.tsx';
import {
  ALL_SERVICES,
  type ContractValues,
  contractProblems,
  HOLDER_KINDS,
  type HolderKind,
  toContractInput,
  toContractValues,
} from './contract-form.ts';
import { EditorForm, EditorModal } from './EditorDialog.tsx';
import { CustomerSelect, OrganizationSelect } from './HolderSelects.tsx';
import { localToday } from './sla-values.ts';
import { useEditorSave } from './useEditorSave.ts';

/** What the contract dialog does: create a contract, or edit one. */
export type ContractDialogTarget = { mode: 'create' } | { mode: 'edit'; contract: Contract };

/** What the contract editor chooses from. */
export interface ContractChoices {
  policies: SlaPolicy[];
  services: CatalogService[];
  organizations: Organization[];
  customers: User[];
}

function ContractForm({
  target,
  choices,
  onDone,
}: {
  target: ContractDialogTarget;
  choices: ContractChoices;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const contract = target.mode === 'edit' ? target.contract : null;
  const defaultPolicy = choices.policies.find((policy) => policy.isDefault) ?? choices.policies[0];
  const form = useForm<ContractValues>({
    initialValues: toContractValues(contract, localToday(), defaultPolicy?.id ?? null),
    validate: (values) =>
      Object.fromEntries(Object.entries(contractProblems(values)).map(([path, key]) => [path, t(key)])),
  });
  const holderInvalid = t('admin.sla.contracts.holderInvalid');
  const serverMessages = {
    name: t('common.required'),
    organizationId: holderInvalid,
    customerId: holderInvalid,
    serviceId: t('admin.sla.contracts.serviceInvalid'),
    slaPolicyId: t('admin.sla.contracts.policyInvalid'),
    validFrom: t('admin.sla.contracts.dateInvalid'),
    validTo: t('admin.sla.contracts.endBeforeStart'),
  };
  const editor = useEditorSave({
    form,
    editingId: contract?.id ?? null,
    toInput: toContractInput,
    create: createContract,
    update: updateContract,
    toast: { saved: 'admin.sla.contracts.saved', created: 'admin.sla.contracts.created' },
    serverMessages,
    onDone,
  });
  const kind = form.values.holderKind;
  const customerName = choices.customers.find((user) => user.id === form.values.customerId)?.name;

  return (
    <EditorForm {...editor}>
      <TextInput
        label={t('admin.sla.name')}
        required
        data-autofocus
        maxLength={MAX_NAME_LENGTH}
        {...form.getInputProps('name')}
      />
      <Input.Wrapper label={t('admin.sla.contracts.holder')} description={t('admin.sla.contracts.holderHint')}>
        <SegmentedControl
          mt={6}
          data={HOLDER_KINDS.map((value) => ({ value, label: t(`admin.sla.contracts.kind.${value}`) }))}
          {...form.getInputProps('holderKind')}
          onChange={(value) => {
            form.setFieldValue('holderKind', value as HolderKind);
            form.clearFieldError('organizationId');
            form.clearFieldError('customerId');
          }}
        />
      </Input.Wrapper>
      {kind === 'organization' ? (
        <OrganizationSelect
          label={t('admin.sla.contracts.organization')}
          description={t('admin.sla.contracts.organizationHint')}
          required
          organizations={choices.organizations}
          {...form.getInputProps('organizationId')}
          value={form.values.organizationId}
        />
      ) : (
        <CustomerSelect
          label={t('admin.sla.contracts.customer')}
          required
          valueLabel={customerName}
          {...form.getInputProps('customerId')}
          value={form.values.customerId}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('admin.sla.contracts.service')}
          description={t('admin.sla.contracts.serviceHint')}
          data={[
            { value: ALL_SERVICES, label: t('admin.sla.contracts.allServices') },
            ...choices.services.map((service) => ({ value: String(service.id), label: service.name })),
          ]}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('serviceId')}
        />
        <Select
          label={t('admin.sla.contracts.policy')}
          description={t('admin.sla.contracts.policyHint')}
          placeholder={t('admin.sla.contracts.policyPlaceholder')}
          data={choices.policies.map((policy) => ({ value: String(policy.id), label: policy.name }))}
          required
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('slaPolicyId')}
        />
        <TextInput
          type="date"
          label={t('admin.sla.contracts.validFrom')}
          description={t('admin.sla.contracts.validFromHint')}
          required
          {...form.getInputProps('validFrom')}
        />
        <TextInput
          type="date"
          label={t('admin.sla.contracts.validTo')}
          description={t('admin.sla.contracts.validToHint')}
          {...form.getInputProps('validTo')}
        />
      </SimpleGrid>
    </EditorForm>
  );
}

/** The contract editor: holder, service, policy and validity period. */
export function ContractModal({
  target,
  choices,
  onClose,
}: {
  target: ContractDialogTarget | null;
  choices: ContractChoices;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit'
      ? t('admin.sla.contracts.editTitle', { name: target.contract.name })
      : t('admin.sla.contracts.createTitle');
  return (
    <EditorModal target={target} title={title} size="lg" onClose={onClose}>
      {(target) => <ContractForm target={target} choices={choices} onDone={onClose} />}
    </EditorModal>
  );
}

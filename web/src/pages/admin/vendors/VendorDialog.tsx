import { Select, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../api/sla.ts';
import { createVendor, updateVendor, VENDOR_KINDS, type Vendor } from '../../../api/vendors.ts';
import { EditorForm, EditorModal } from '../sla/EditorDialog.tsx';
import { useEditorSave } from '../sla/useEditorSave.ts';
import { ContactsEditor } from './ContactsEditor.tsx';
import { useVendorForm } from './useVendorForm.ts';
import { toVendorInput, toVendorValues, VENDOR_LIMITS } from './vendor-form.ts';

/** What the vendor dialog does: create a vendor, or edit one. */
export type VendorDialogTarget = { mode: 'create' } | { mode: 'edit'; vendor: Vendor };

function VendorForm({
  target,
  policies,
  onDone,
}: {
  target: VendorDialogTarget;
  policies: SlaPolicy[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const vendor = target.mode === 'edit' ? target.vendor : null;
  const form = useVendorForm(toVendorValues(vendor));
  const serverMessages = {
    name: t('common.required'),
    email: t('admin.vendors.emailInvalid'),
    phone: t('admin.vendors.phoneInvalid'),
    slaPolicyId: t('admin.vendors.policyInvalid'),
    contacts: t('admin.vendors.contactsInvalid'),
  };
  const editor = useEditorSave({
    form,
    editingId: vendor?.id ?? null,
    toInput: toVendorInput,
    create: createVendor,
    update: updateVendor,
    toast: { saved: 'admin.vendors.saved', created: 'admin.vendors.created' },
    serverMessages,
    onDone,
  });

  return (
    <EditorForm {...editor}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('admin.vendors.name')}
          required
          data-autofocus
          maxLength={VENDOR_LIMITS.name}
          {...form.getInputProps('name')}
        />
        <Select
          label={t('admin.vendors.kind')}
          data={VENDOR_KINDS.map((kind) => ({ value: kind, label: t(`admin.vendors.kinds.${kind}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <TextInput
          type="email"
          label={t('admin.vendors.email')}
          maxLength={VENDOR_LIMITS.email}
          {...form.getInputProps('email')}
        />
        <TextInput
          type="tel"
          label={t('admin.vendors.phone')}
          maxLength={VENDOR_LIMITS.phone}
          {...form.getInputProps('phone')}
        />
        <Select
          label={t('admin.vendors.policy')}
          description={t('admin.vendors.policyHint')}
          placeholder={t('admin.vendors.noPolicy')}
          data={policies.map((policy) => ({ value: String(policy.id), label: policy.name }))}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('slaPolicyId')}
        />
        <Switch
          mt="lg"
          label={t('admin.vendors.active')}
          description={t('admin.vendors.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      </SimpleGrid>
      <Textarea
        label={t('admin.vendors.notes')}
        description={t('admin.vendors.notesHint')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={VENDOR_LIMITS.notes}
        {...form.getInputProps('notes')}
      />
      <ContactsEditor form={form} />
    </EditorForm>
  );
}

/** The vendor editor: details, underpinning SLA policy and contacts. */
export function VendorModal({
  target,
  policies,
  onClose,
}: {
  target: VendorDialogTarget | null;
  policies: SlaPolicy[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit'
      ? t('admin.vendors.editTitle', { name: target.vendor.name })
      : t('admin.vendors.createTitle');
  return (
    <EditorModal target={target} title={title} size="xl" onClose={onClose}>
      {(target) => <VendorForm target={target} policies={policies} onDone={onClose} />}
    </EditorModal>
  );
}

import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../api/sla.ts';
import { createVendor, updateVendor, VENDOR_KINDS, type Vendor } from '../../../api/vendors.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { fieldErrorsOf, useSlaChanged } from '../sla/useSlaAdmin.ts';
import { ContactsEditor } from './ContactsEditor.tsx';
import { useVendorForm } from './useVendorForm.ts';
import { toVendorInput, toVendorValues, VENDOR_LIMITS, type VendorValues } from './vendor-form.ts';

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
  const changed = useSlaChanged();
  const vendor = target.mode === 'edit' ? target.vendor : null;
  const form = useVendorForm(toVendorValues(vendor));
  const serverMessages = {
    name: t('common.required'),
    email: t('admin.vendors.emailInvalid'),
    phone: t('admin.vendors.phoneInvalid'),
    slaPolicyId: t('admin.vendors.policyInvalid'),
    contacts: t('admin.vendors.contactsInvalid'),
  };
  const save = useMutation({
    mutationFn: async (values: VendorValues) => {
      const input = toVendorInput(values);
      if (vendor) await updateVendor(vendor.id, input);
      else await createVendor(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      notifications.show({
        color: 'green',
        message: t(vendor ? 'admin.vendors.saved' : 'admin.vendors.created', { name }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error, serverMessages)),
  });
  const onField = Object.keys(fieldErrorsOf(save.error, serverMessages)).length > 0;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.error && !onField && <ErrorAlert error={save.error} />}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {vendor ? t('admin.sla.save') : t('admin.sla.create')}
          </Button>
        </Group>
      </Stack>
    </form>
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
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && <VendorForm target={target} policies={policies} onDone={onClose} />}
    </Modal>
  );
}

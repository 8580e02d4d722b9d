import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CatalogGroup, type CatalogService, createService, updateService } from '../../api/catalog.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MAX_NAME_LENGTH, nameRule } from './CategoryDialogs.tsx';
import { isFieldError, useCatalogChanged } from './useCatalogAdmin.ts';

const MAX_DESCRIPTION_LENGTH = 2000;

/** What the service dialog does: create a service, or edit one. */
export type ServiceDialogTarget = { mode: 'create' } | { mode: 'edit'; service: CatalogService };

interface ServiceValues {
  name: string;
  description: string;
  groupId: string | null;
}

function ServiceForm({
  target,
  groups,
  onDone,
}: {
  target: ServiceDialogTarget;
  groups: CatalogGroup[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const service = target.mode === 'edit' ? target.service : null;
  const form = useForm<ServiceValues>({
    initialValues: {
      name: service?.name ?? '',
      description: service?.description ?? '',
      groupId: service?.groupId ? String(service.groupId) : null,
    },
    validate: { name: nameRule(t) },
  });
  const save = useMutation({
    mutationFn: async (values: ServiceValues) => {
      const input = {
        name: values.name.trim(),
        description: values.description.trim(),
        groupId: values.groupId ? Number(values.groupId) : null,
      };
      if (service) await updateService(service.id, input);
      else await createService(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      const key = service ? 'admin.catalog.services.saved' : 'admin.catalog.services.created';
      notifications.show({ color: 'green', message: t(key, { name }) });
      onDone();
    },
    onError: (error) => {
      if (isFieldError(error, 'groupId')) form.setFieldError('groupId', t('admin.catalog.services.groupInvalid'));
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.error && !isFieldError(save.error, 'groupId') && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('admin.catalog.name')}
          required
          data-autofocus
          maxLength={MAX_NAME_LENGTH}
          {...form.getInputProps('name')}
        />
        <Textarea
          label={t('admin.catalog.services.description')}
          description={t('admin.catalog.services.descriptionHint')}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={MAX_DESCRIPTION_LENGTH}
          {...form.getInputProps('description')}
        />
        <Select
          label={t('admin.catalog.services.group')}
          description={t('admin.catalog.services.groupHint')}
          placeholder={t('admin.catalog.services.noGroup')}
          data={groups.map((group) => ({
            value: String(group.id),
            label: group.tier
              ? `${group.name} · ${t('admin.catalog.groups.tierValue', { tier: group.tier })}`
              : group.name,
          }))}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('groupId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {service ? t('admin.catalog.save') : t('admin.catalog.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ServiceModal({
  target,
  groups,
  onClose,
}: {
  target: ServiceDialogTarget | null;
  groups: CatalogGroup[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit' ? t('admin.catalog.services.editTitle') : t('admin.catalog.services.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title}>
      {target && <ServiceForm target={target} groups={groups} onDone={onClose} />}
    </Modal>
  );
}

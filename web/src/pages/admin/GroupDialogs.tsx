import { Button, Group, Modal, MultiSelect, NumberInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogGroup, createGroup, updateGroup } from '../../api/catalog.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MAX_NAME_LENGTH, nameRule } from './CategoryDialogs.tsx';
import { EditorForm, EditorModal } from './sla/EditorDialog.tsx';
import { isFieldError, useCatalogChanged, useGroupMembers, useStaffUsers } from './useCatalogAdmin.ts';

export const MIN_TIER = 1;
export const MAX_TIER = 9;

/** What the group dialog does: create a group, or change its name and tier. */
export type GroupDialogTarget = { mode: 'create' } | { mode: 'edit'; group: CatalogGroup };

function GroupForm({ target, onDone }: { target: GroupDialogTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const group = target.mode === 'edit' ? target.group : null;
  const form = useForm({
    initialValues: { name: group?.name ?? '', tier: group?.tier ?? MIN_TIER },
    validate: {
      name: nameRule(t),
      tier: (value: number | string) =>
        Number.isInteger(value) && Number(value) >= MIN_TIER && Number(value) <= MAX_TIER
          ? null
          : t('admin.catalog.groups.tierRange', { min: MIN_TIER, max: MAX_TIER }),
    },
  });
  const save = useMutation({
    mutationFn: async (values: { name: string; tier: number }) => {
      const input = { name: values.name.trim(), tier: values.tier };
      if (group) await updateGroup(group.id, input);
      else await createGroup(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      const key = group ? 'admin.catalog.groups.saved' : 'admin.catalog.groups.created';
      notifications.show({ color: 'green', message: t(key, { name }) });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'name_taken') form.setFieldError('name', t('errors.name_taken'));
    },
  });
  const nameTaken = isApiError(save.error) && save.error.code === 'name_taken';

  return (
    <EditorForm
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      error={nameTaken ? null : save.error}
      saving={save.isPending}
      creating={group === null}
      onCancel={onDone}
    >
      <TextInput
        label={t('admin.catalog.name')}
        required
        data-autofocus
        maxLength={MAX_NAME_LENGTH}
        {...form.getInputProps('name')}
      />
      <NumberInput
        label={t('admin.catalog.groups.tier')}
        description={t('admin.catalog.groups.tierHint')}
        required
        min={MIN_TIER}
        max={MAX_TIER}
        clampBehavior="strict"
        allowDecimal={false}
        allowNegative={false}
        styles={{ wrapper: { maxWidth: 120 } }}
        {...form.getInputProps('tier')}
      />
    </EditorForm>
  );
}

export function GroupModal({ target, onClose }: { target: GroupDialogTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = target?.mode === 'edit' ? t('admin.catalog.groups.editTitle') : t('admin.catalog.groups.createTitle');
  return (
    <EditorModal target={target} title={title} size="md" onClose={onClose}>
      {(shown) => <GroupForm target={shown} onDone={onClose} />}
    </EditorModal>
  );
}

/** Replaces a group's members with active staff users; a refusal is shown on the field. */
function MembersForm({ group, onDone }: { group: CatalogGroup; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const staff = useStaffUsers();
  const members = useGroupMembers(group.id);
  const form = useForm<{ memberIds: string[] }>({ initialValues: { memberIds: [] } });
  const loaded = members.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once the members arrive
  useEffect(() => {
    if (loaded) {
      const values = { memberIds: loaded.map(String) };
      form.setValues(values);
      form.resetDirty(values);
    }
  }, [loaded]);
  const save = useMutation({
    mutationFn: (memberIds: number[]) => updateGroup(group.id, { memberIds }),
    onSuccess: (_, memberIds) => {
      changed();
      notifications.show({
        color: 'green',
        message: t('admin.catalog.groups.membersSaved', { name: group.name, count: memberIds.length }),
      });
      onDone();
    },
    onError: (error) => {
      if (isFieldError(error, 'memberIds')) form.setFieldError('memberIds', t('admin.catalog.groups.membersInvalid'));
    },
  });
  // Current members who are no longer active staff stay visible, so the admin sees what is wrong.
  const known = new Map((staff.data ?? []).map((user) => [String(user.id), `${user.name} (${user.email})`]));
  const data = [
    ...known.entries(),
    ...(loaded ?? []).filter((id) => !known.has(String(id))).map((id) => [String(id), `#${id}`] as const),
  ].map(([value, label]) => ({ value, label }));
  const error = staff.error ?? members.error ?? (isFieldError(save.error, 'memberIds') ? null : save.error);

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.memberIds.map(Number)))} noValidate>
      <Stack>
        {error && <ErrorAlert error={error} />}
        <Text size="sm" c="dimmed">
          {t('admin.catalog.groups.membersIntro')}
        </Text>
        {staff.isPending || members.isPending ? (
          <Skeleton h={60} />
        ) : (
          <MultiSelect
            label={t('admin.catalog.groups.members')}
            placeholder={t('admin.catalog.groups.membersPlaceholder')}
            nothingFoundMessage={t('admin.catalog.groups.noStaff')}
            data={data}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={260}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('memberIds')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!loaded || !form.isDirty()}>
            {t('admin.catalog.groups.saveMembers')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function GroupMembersModal({ group, onClose }: { group: CatalogGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      title={t('admin.catalog.groups.membersTitle', { name: group?.name ?? '' })}
      size="lg"
    >
      {group && <MembersForm group={group} onDone={onClose} />}
    </Modal>
  );
}

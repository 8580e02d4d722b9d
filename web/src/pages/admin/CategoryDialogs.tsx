import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CatalogCategory, createCategory, updateCategory } from '../../api/catalog.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isFieldError, useCatalogChanged } from './useCatalogAdmin.ts';

export const MAX_NAME_LENGTH = 120;

const DONE_KEYS = {
  create: 'admin.catalog.categories.created',
  rename: 'admin.catalog.categories.renamed',
  move: 'admin.catalog.categories.moved',
} as const;

/** What the category dialog does: create (optionally under a parent), rename, or move. */
export type CategoryDialogTarget =
  | { mode: 'create'; parentId?: number | null }
  | { mode: 'rename'; category: CatalogCategory }
  | { mode: 'move'; category: CatalogCategory; hasChildren: boolean };

interface CategoryFormProps {
  target: CategoryDialogTarget;
  categories: CatalogCategory[];
  onDone: () => void;
}

/** Validates a catalogue entry name the way the server does (trimmed, 1–120 characters). */
export function nameRule(t: (key: string, options?: Record<string, unknown>) => string) {
  return (value: string) =>
    !value.trim()
      ? t('common.required')
      : value.trim().length > MAX_NAME_LENGTH
        ? t('admin.catalog.nameTooLong', { count: MAX_NAME_LENGTH })
        : null;
}

function CategoryForm({ target, categories, onDone }: CategoryFormProps) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const current = target.mode === 'create' ? null : target.category;
  const initialParent = target.mode === 'create' ? target.parentId : current?.parentId;
  const form = useForm({
    initialValues: { name: current?.name ?? '', parentId: initialParent ? String(initialParent) : null },
    validate: { name: target.mode === 'move' ? () => null : nameRule(t) },
  });
  const save = useMutation({
    mutationFn: async (values: { name: string; parentId: string | null }) => {
      const parentId = values.parentId ? Number(values.parentId) : null;
      const name = values.name.trim();
      if (target.mode === 'create') await createCategory({ name, parentId });
      else if (target.mode === 'rename') await updateCategory(target.category.id, { name });
      else await updateCategory(target.category.id, { parentId });
      return name || current?.name || '';
    },
    onSuccess: (name) => {
      changed();
      notifications.show({ color: 'green', message: t(DONE_KEYS[target.mode], { name }) });
      onDone();
    },
    onError: (error) => {
      if (isFieldError(error, 'parentId')) form.setFieldError('parentId', t('admin.catalog.categories.parentInvalid'));
    },
  });
  // Nesting is one level deep: only top-level categories other than this one can be parents.
  const parents = categories
    .filter((c) => !c.parentId && c.id !== current?.id)
    .map((c) => ({ value: String(c.id), label: c.name }));
  const locked = target.mode === 'move' && target.hasChildren;
  const submitLabel = {
    create: t('admin.catalog.create'),
    rename: t('admin.catalog.rename'),
    move: t('admin.catalog.categories.move'),
  }[target.mode];

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.error && !isFieldError(save.error, 'parentId') && <ErrorAlert error={save.error} />}
        {target.mode !== 'move' && (
          <TextInput
            label={t('admin.catalog.name')}
            required
            data-autofocus
            maxLength={MAX_NAME_LENGTH}
            {...form.getInputProps('name')}
          />
        )}
        {target.mode !== 'rename' && (
          <Select
            label={t('admin.catalog.categories.parent')}
            description={locked ? t('admin.catalog.categories.parentLocked') : t('admin.catalog.categories.parentHint')}
            placeholder={t('admin.catalog.categories.topLevel')}
            data={parents}
            clearable
            searchable
            disabled={locked}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parentId')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={locked}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CategoryModal({
  target,
  categories,
  onClose,
}: {
  target: CategoryDialogTarget | null;
  categories: CatalogCategory[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title = target
    ? t(`admin.catalog.categories.${target.mode}Title`, { name: target.mode === 'create' ? '' : target.category.name })
    : '';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title}>
      {target && <CategoryForm target={target} categories={categories} onDone={onClose} />}
    </Modal>
  );
}

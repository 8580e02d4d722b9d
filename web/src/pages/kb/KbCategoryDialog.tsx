import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_VISIBILITIES, type CategoryVisibility } from '../../../../common/kb.ts';
import { isApiError } from '../../api/client.ts';
import { createKbCategory, deleteKbCategory, type KbCategory, updateKbCategory } from '../../api/kb.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { flattenTree, slugify } from './kb-tree.ts';
import { kbKeys } from './useKb.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The category to edit; null creates one. */
  category: KbCategory | null;
  categories: KbCategory[];
}

/** Create, change or delete a knowledge-base category. */
export function KbCategoryDialog({ opened, onClose, category, categories }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const blank = { name: '', slug: '', parentId: null, position: 0, visibility: 'public' as CategoryVisibility };
  // The parent mounts the dialog afresh for each opening, so the form starts from the props.
  const [values, setValues] = useState<Omit<KbCategory, 'id'>>(() => (category ? { ...category } : blank));
  const [slugTouched, setSlugTouched] = useState(category !== null);
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: kbKeys.all });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => (category ? updateKbCategory(category.id, values) : createKbCategory(values)),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => deleteKbCategory(category!.id), onSuccess: done });
  const fields = isApiError(save.error) ? save.error.fields : [];
  const invalid = (field: string) => (fields.includes(field) ? t('kb.settings.invalid') : undefined);
  const parents = flattenTree(categories).filter((c) => c.id !== category?.id);

  return (
    <Modal opened={opened} onClose={onClose} title={category ? t('kb.category.edit') : t('kb.category.new')}>
      <Stack gap="sm">
        {(save.error ?? remove.error) && <ErrorAlert error={save.error ?? remove.error} />}
        <TextInput
          label={t('kb.category.name')}
          required
          value={values.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setValues((v) => ({ ...v, name, slug: slugTouched ? v.slug : slugify(name) }));
          }}
          error={invalid('name')}
        />
        <TextInput
          label={t('kb.category.slug')}
          required
          value={values.slug}
          onChange={(e) => {
            const slug = e.currentTarget.value;
            setSlugTouched(true);
            setValues((v) => ({ ...v, slug }));
          }}
          error={invalid('slug')}
        />
        <Select
          label={t('kb.category.parent')}
          clearable
          data={parents.map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${c.name}` }))}
          value={values.parentId === null ? null : String(values.parentId)}
          onChange={(v) => setValues((old) => ({ ...old, parentId: v ? Number(v) : null }))}
          error={invalid('parentId')}
        />
        <Select
          label={t('kb.settings.visibility')}
          allowDeselect={false}
          data={CATEGORY_VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibility.${v}`) }))}
          value={values.visibility}
          onChange={(v) => setValues((old) => ({ ...old, visibility: (v ?? 'public') as CategoryVisibility }))}
          error={invalid('visibility')}
        />
        <NumberInput
          label={t('kb.category.position')}
          min={0}
          value={values.position}
          onChange={(v) => setValues((old) => ({ ...old, position: Number(v) || 0 }))}
        />
        <Group justify="space-between" mt="sm">
          {category ? (
            <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('kb.actions.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!values.name.trim()}>
            {t('kb.actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

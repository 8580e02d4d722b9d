import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../../app/queries.ts';
import { useWorkflowNames } from '../../../app/workflow-names.ts';

const ALL = '*';

interface SelectProps<T> {
  value: T | null;
  onChange: (value: T | null) => void;
  w?: number;
}

/**
 * The ticket group a notification setting is narrowed to, or all groups: the category filter
 * of the admin matrix and of the personal settings page.
 */
export function CategorySelect({ value, onChange, w = 230 }: SelectProps<number>) {
  const { t } = useTranslation();
  const categories = useCatalog().data?.categories ?? [];
  return (
    <Select
      label={t('notify.scope.category')}
      data={[
        { value: ALL, label: t('notify.scope.allCategories') },
        ...categories.map((c) => ({ value: String(c.id), label: c.name })),
      ]}
      value={value === null ? ALL : String(value)}
      onChange={(v) => onChange(v && v !== ALL ? Number(v) : null)}
      allowDeselect={false}
      searchable
      w={w}
    />
  );
}

/** The target status a setting is narrowed to (only the status-change event takes one), or any. */
export function TargetStatusSelect({ value, onChange, w = 230 }: SelectProps<string>) {
  const { t } = useTranslation();
  const catalog = useCatalog().data;
  const names = useWorkflowNames();
  const statuses = catalog?.statusDefs?.map((d) => d.key) ?? catalog?.statuses ?? [];
  return (
    <Select
      label={t('notify.scope.status')}
      description={t('notify.scope.statusHint')}
      data={[
        { value: ALL, label: t('notify.scope.anyStatus') },
        ...statuses.map((key) => ({ value: key, label: names.status(key) })),
      ]}
      value={value ?? ALL}
      onChange={(v) => onChange(v && v !== ALL ? v : null)}
      allowDeselect={false}
      w={w}
    />
  );
}

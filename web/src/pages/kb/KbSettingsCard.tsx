import { Button, MultiSelect, Paper, Select, Stack, TagsInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ARTICLE_VISIBILITIES, type ArticleVisibility } from '../../../../common/kb.ts';
import type { KbSettings } from '../../api/kb.ts';
import { queryKeys } from '../../api/keys.ts';
import { listOrganizations, organizationKeys } from '../../api/organizations.ts';
import { listRoleDetails } from '../../api/roles.ts';
import { useCatalog } from '../../app/queries.ts';
import { flattenTree } from './kb-tree.ts';
import { useKbCategories } from './useKb.ts';

interface Props {
  value: KbSettings;
  onChange: (value: KbSettings) => void;
  /** Shown when the settings can be saved separately (an existing article). */
  onSave?: () => void;
  saving?: boolean;
  errorFields?: string[];
}

/** Category, who may read the article, and its tags. */
export function KbSettingsCard({ value, onChange, onSave, saving, errorFields = [] }: Props) {
  const { t } = useTranslation();
  const categories = flattenTree(useKbCategories().data ?? []);
  const organizations = useQuery({ queryKey: organizationKeys.all, queryFn: listOrganizations });
  const roles = useQuery({ queryKey: queryKeys.roleDetails, queryFn: listRoleDetails });
  const groups = useCatalog().data?.groups ?? [];
  const set = (patch: Partial<KbSettings>) => onChange({ ...value, ...patch });
  const ids = (list: string[]) => list.map(Number);
  const error = (field: string) => (errorFields.includes(field) ? t('kb.settings.invalid') : undefined);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('kb.settings.title')}
        </Title>
        <Select
          label={t('kb.settings.category')}
          placeholder={t('kb.settings.noCategory')}
          clearable
          data={categories.map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${c.name}` }))}
          value={value.categoryId === null ? null : String(value.categoryId)}
          onChange={(v) => set({ categoryId: v ? Number(v) : null })}
          error={error('categoryId')}
        />
        <Select
          label={t('kb.settings.visibility')}
          description={t(`kb.visibilityHint.${value.visibility}`)}
          allowDeselect={false}
          data={ARTICLE_VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibility.${v}`) }))}
          value={value.visibility}
          onChange={(v) =>
            set({ visibility: (v ?? 'staff') as ArticleVisibility, organizationIds: [], roleIds: [], groupIds: [] })
          }
        />
        {value.visibility === 'customers' && (
          <MultiSelect
            label={t('kb.settings.organizations')}
            description={t('kb.settings.organizationsHint')}
            searchable
            data={(organizations.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
            value={value.organizationIds.map(String)}
            onChange={(v) => set({ organizationIds: ids(v) })}
            error={error('organizationIds')}
          />
        )}
        {value.visibility === 'restricted' && (
          <>
            <MultiSelect
              label={t('kb.settings.roles')}
              data={(roles.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
              value={value.roleIds.map(String)}
              onChange={(v) => set({ roleIds: ids(v) })}
              error={error('roleIds')}
            />
            <MultiSelect
              label={t('kb.settings.groups')}
              data={groups.map((g) => ({ value: String(g.id), label: g.name }))}
              value={value.groupIds.map(String)}
              onChange={(v) => set({ groupIds: ids(v) })}
              error={error('groupIds')}
            />
          </>
        )}
        <TagsInput
          label={t('kb.settings.tags')}
          value={value.tags}
          onChange={(tags) => set({ tags })}
          maxTags={20}
          error={error('tags')}
        />
        {onSave && (
          <Button variant="light" onClick={onSave} loading={saving}>
            {t('kb.settings.save')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

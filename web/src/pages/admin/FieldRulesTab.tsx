import { Alert, Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldAccess } from '../../../../common/domain.ts';
import { isApiError } from '../../api/client.ts';
import type { FieldOverride, FieldRules, RoleDetail, RuleField } from '../../api/roles.ts';
import { customFieldKey } from '../../app/custom-field-values.ts';
import { useCustomFields, useFieldLabel } from '../../app/custom-fields.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import {
  ACCESS_COLORS,
  ACCESS_ORDER,
  cleanFieldRules,
  overrideIndexOf,
  ruleFields,
  sameFieldRules,
} from './field-rules.ts';
import { OverridesEditor } from './OverridesEditor.tsx';
import { SaveBar } from './SaveBar.tsx';
import { useUpdateRole } from './useRoles.ts';

/** "Read only · Incident · Resolved, Closed" for one override, in the user's language. */
function useOverrideSummary() {
  const { t } = useTranslation();
  return (override: FieldOverride) => {
    const scope = [
      (override.types ?? []).map((type) => t(`type.${type}`)).join(', '),
      (override.statuses ?? []).map((status) => t(`status.${status}`)).join(', '),
    ].filter(Boolean);
    return `${t(`admin.rules.access.${override.access}`)} · ${scope.length > 0 ? scope.join(' · ') : t('admin.rules.allTickets')}`;
  };
}

/** A 400 from the server, told in place; names the overrides it points at when it does. */
function RulesError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || error.status !== 400) return <ErrorAlert error={error} mb="md" />;
  const indexes = [...new Set(error.fields.map(overrideIndexOf).filter((i): i is number => i !== null))];
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('admin.rules.notSaved')} mb="md">
      {indexes.length > 0
        ? t('admin.rules.invalidAt', {
            places: indexes.map((i) => t('admin.rules.overrideN', { n: i + 1 })).join(', '),
          })
        : t('admin.rules.invalid')}
      {error.message && (
        <Text size="xs" c="dimmed" mt={4}>
          {error.message}
        </Text>
      )}
    </Alert>
  );
}

/** The field rules matrix: a default access per ticket field and the overrides that narrow it. */
export function FieldRulesTab({ role, onDirtyChange }: { role: RoleDetail; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const summarize = useOverrideSummary();
  const save = useUpdateRole(role.id);
  const customFields = useCustomFields().data;
  const labelOf = useFieldLabel(customFields);
  const customNames = (customFields ?? []).filter((field) => field.active).map((field) => field.name);
  const [rules, setRules] = useState<FieldRules>(() => cleanFieldRules(role.fieldRules));
  const dirty = !sameFieldRules(rules, role.fieldRules);
  const fields = ruleFields(rules, customNames);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const invalid = new Set(
    isApiError(save.error) ? save.error.fields.map(overrideIndexOf).filter((i): i is number => i !== null) : [],
  );
  const setDefault = (field: RuleField, access: FieldAccess) =>
    setRules((old) => ({ ...old, default: { ...old.default, [field]: access } }));
  const submit = () =>
    save.mutate(
      { fieldRules: cleanFieldRules(rules) },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'green', message: t('admin.editor.saved', { name: saved.name }) }),
      },
    );

  return (
    <>
      <SaveBar
        dirty={dirty}
        saving={save.isPending}
        onSave={submit}
        onReset={() => {
          save.reset();
          setRules(cleanFieldRules(role.fieldRules));
        }}
      />
      {save.error && <RulesError error={save.error} />}
      <Paper withBorder mb="lg">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-label={t('admin.rules.matrix')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('admin.rules.field')}</Table.Th>
                <Table.Th w={300}>{t('admin.rules.default')}</Table.Th>
                <Table.Th>{t('admin.rules.overrides')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => {
                const label = labelOf(field);
                const own = rules.overrides.filter((override) => override.field === field);
                return (
                  <Table.Tr key={field} data-field={field}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {label}
                      </Text>
                      {customFieldKey(field) !== null && (
                        <Text size="xs" c="dimmed">
                          {t('admin.rules.customField')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        fullWidth
                        aria-label={t('admin.rules.defaultFor', { field: label })}
                        value={rules.default[field] ?? 'hidden'}
                        onChange={(value) => setDefault(field, value as FieldAccess)}
                        color={ACCESS_COLORS[rules.default[field] ?? 'hidden']}
                        data={ACCESS_ORDER.map((access) => ({
                          value: access,
                          label: t(`admin.rules.access.${access}`),
                        }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {own.length === 0 && (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                        {own.map((override) => (
                          <Badge
                            key={JSON.stringify(override)}
                            variant="light"
                            color={ACCESS_COLORS[override.access]}
                            tt="none"
                            fw={500}
                          >
                            {summarize(override)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.rules.overrides')}
        </Title>
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
          <Text size="sm">{t('admin.rules.explainOverrides')}</Text>
          <Text size="sm" mt={4}>
            {t('admin.rules.explainPrecedence')}
          </Text>
        </Alert>
        <OverridesEditor
          fields={fields}
          labelOf={labelOf}
          overrides={rules.overrides}
          invalid={invalid}
          onChange={(overrides) => setRules((old) => ({ ...old, overrides }))}
        />
      </Stack>
    </>
  );
}

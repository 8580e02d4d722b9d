import { ActionIcon, Button, Group, MultiSelect, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type FieldAccess,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatus,
  type TicketType,
} from '../../../../common/domain.ts';
import type { FieldOverride, RuleField } from '../../api/roles.ts';
import { ACCESS_ORDER } from './field-rules.ts';

interface OverridesEditorProps {
  fields: RuleField[];
  /** The label of a field name (ticket fields and custom fields `cf.<key>`). */
  labelOf: (field: RuleField) => string;
  overrides: FieldOverride[];
  invalid: ReadonlySet<number>;
  onChange: (overrides: FieldOverride[]) => void;
}

/** The list of overrides: each narrows one field's access to some ticket types and/or statuses. */
export function OverridesEditor({ fields, labelOf, overrides, invalid, onChange }: OverridesEditorProps) {
  const { t } = useTranslation();
  const fieldOptions = fields.map((field) => ({ value: field, label: labelOf(field) }));
  const accessOptions = ACCESS_ORDER.map((access) => ({ value: access, label: t(`admin.rules.access.${access}`) }));
  const typeOptions = TICKET_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }));
  const statusOptions = TICKET_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }));

  const patch = (index: number, change: Partial<FieldOverride>) =>
    onChange(overrides.map((override, i) => (i === index ? { ...override, ...change } : override)));

  return (
    <Stack gap="sm">
      {overrides.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('admin.rules.noOverrides')}
        </Text>
      )}
      {overrides.map((override, index) => {
        const n = index + 1;
        return (
          <Paper
            // Overrides have no identity of their own; position is what the server reports errors by.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            withBorder
            p="sm"
            bg="gray.0"
            style={invalid.has(index) ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
            aria-label={t('admin.rules.overrideN', { n })}
            component="fieldset"
            data-testid={`override-${index}`}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('admin.rules.field')}
                data={fieldOptions}
                value={override.field}
                allowDeselect={false}
                onChange={(value) => value && patch(index, { field: value })}
                w={190}
                searchable
              />
              <Select
                label={t('admin.rules.accessLabel')}
                data={accessOptions}
                value={override.access}
                allowDeselect={false}
                onChange={(value) => value && patch(index, { access: value as FieldAccess })}
                w={150}
              />
              <MultiSelect
                label={t('admin.rules.types')}
                placeholder={override.types?.length ? undefined : t('admin.rules.allTypes')}
                data={typeOptions}
                value={override.types ?? []}
                onChange={(value) => patch(index, { types: value as TicketType[] })}
                clearable
                miw={220}
                style={{ flex: 1 }}
              />
              <MultiSelect
                label={t('admin.rules.statuses')}
                placeholder={override.statuses?.length ? undefined : t('admin.rules.allStatuses')}
                data={statusOptions}
                value={override.statuses ?? []}
                onChange={(value) => patch(index, { statuses: value as TicketStatus[] })}
                clearable
                miw={240}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('admin.rules.removeOverride', { n })}
                onClick={() => onChange(overrides.filter((_, i) => i !== index))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange([...overrides, { field: 'priority', access: 'read' }])}
        >
          {t('admin.rules.addOverride')}
        </Button>
      </Group>
    </Stack>
  );
}

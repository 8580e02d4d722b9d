import { Group, Select, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsContext } from '../../api/notifications.ts';
import { useCatalog } from '../../app/queries.ts';
import { useWorkflowNames } from '../../app/workflow-names.ts';
import { CategorySelect, TargetStatusSelect } from '../admin/notifications/ScopeSelects.tsx';

const ALL = '*';
const WIDTH = 210;

/**
 * Which tickets the personal settings are shown for: a ticket type (its business process) and a
 * service, the scopes the administrator's levels 1 and 2 are set on; and a ticket group and a
 * target status, which narrow the person's own choices as they narrow the admin matrix.
 */
export function ContextFilters({
  context,
  onChange,
}: {
  context: SettingsContext;
  onChange: (context: SettingsContext) => void;
}) {
  const { t } = useTranslation();
  const catalog = useCatalog().data;
  const names = useWorkflowNames();
  const headingId = useId();
  const types = catalog?.typeDefs?.map((d) => d.key) ?? catalog?.types ?? [];
  const services = catalog?.services ?? [];
  return (
    <Stack gap={4} role="group" aria-labelledby={headingId}>
      <Text id={headingId} size="sm" fw={500}>
        {t('notify.me.context')}
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        {types.length > 0 && (
          <Select
            label={t('notify.me.typeLabel')}
            data={[
              { value: ALL, label: t('notify.me.anyType') },
              ...types.map((key) => ({ value: key, label: names.type(key) })),
            ]}
            value={context.ticketType ?? ALL}
            onChange={(v) => onChange({ ...context, ticketType: v && v !== ALL ? v : null })}
            allowDeselect={false}
            w={WIDTH}
          />
        )}
        {services.length > 0 && (
          <Select
            label={t('notify.me.serviceLabel')}
            data={[
              { value: ALL, label: t('notify.me.anyService') },
              ...services.map((s) => ({ value: String(s.id), label: s.name })),
            ]}
            value={context.serviceId === null ? ALL : String(context.serviceId)}
            onChange={(v) => onChange({ ...context, serviceId: v && v !== ALL ? Number(v) : null })}
            allowDeselect={false}
            searchable
            w={WIDTH}
          />
        )}
        <CategorySelect
          value={context.categoryId}
          onChange={(categoryId) => onChange({ ...context, categoryId })}
          w={WIDTH}
        />
        <TargetStatusSelect
          value={context.statusTo}
          onChange={(statusTo) => onChange({ ...context, statusTo })}
          w={WIDTH}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('notify.me.contextHint')}
      </Text>
    </Stack>
  );
}

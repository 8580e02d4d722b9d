import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../../app/queries.ts';
import { useWorkflowNames } from '../../../app/workflow-names.ts';
import type { MatrixScope } from './matrix.ts';
import { CategorySelect, TargetStatusSelect } from './ScopeSelects.tsx';

const ALL = '*';

/** Level and scope of the matrix: a business process or a service, a ticket group, a target status. */
export function ScopeFilters({ scope, onChange }: { scope: MatrixScope; onChange: (scope: MatrixScope) => void }) {
  const { t } = useTranslation();
  const catalog = useCatalog().data;
  const names = useWorkflowNames();
  const types = catalog?.typeDefs?.map((d) => d.key) ?? catalog?.types ?? [];
  const services = catalog?.services ?? [];
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <SegmentedControl
        aria-label={t('notify.scope.level')}
        value={scope.level}
        onChange={(value) =>
          onChange(
            value === 'service'
              ? { ...scope, level: 'service', ticketType: null, serviceId: scope.serviceId ?? services[0]?.id ?? null }
              : { ...scope, level: 'workflow', serviceId: null },
          )
        }
        data={[
          { value: 'workflow', label: t('notify.scope.levelProcess') },
          { value: 'service', label: t('notify.scope.levelService'), disabled: services.length === 0 },
        ]}
      />
      {scope.level === 'workflow' ? (
        <Select
          label={t('notify.scope.processLabel')}
          data={[
            { value: ALL, label: t('notify.scope.allTypes') },
            ...types.map((key) => ({ value: key, label: names.type(key) })),
          ]}
          value={scope.ticketType ?? ALL}
          onChange={(value) => onChange({ ...scope, ticketType: value && value !== ALL ? value : null })}
          allowDeselect={false}
          w={230}
        />
      ) : (
        <Select
          label={t('notify.scope.serviceLabel')}
          data={services.map((s) => ({ value: String(s.id), label: s.name }))}
          value={scope.serviceId === null ? null : String(scope.serviceId)}
          onChange={(value) => onChange({ ...scope, serviceId: value ? Number(value) : null })}
          allowDeselect={false}
          searchable
          w={230}
        />
      )}
      <CategorySelect value={scope.categoryId} onChange={(categoryId) => onChange({ ...scope, categoryId })} />
      <TargetStatusSelect value={scope.statusTo} onChange={(statusTo) => onChange({ ...scope, statusTo })} />
    </Group>
  );
}

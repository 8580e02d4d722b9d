import { Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../api/catalog.ts';
import type { HistoryEntry } from '../../api/tickets.ts';
import { customFieldKey, formatCustomValue, parseHistoryValue } from '../../app/custom-field-values.ts';
import { useCustomFields, useFieldLabel } from '../../app/custom-fields.ts';
import { formatDateTime } from '../../app/format.ts';
import { useCatalog, useHistory } from '../../app/queries.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useAgents } from './useAgents.ts';

// Fields whose stored values are vocabulary keys, translated through `<field>.<value>`.
const VOCABULARY: Record<string, string> = { status: 'status', priority: 'priority', type: 'type', channel: 'channel' };

function named(list: { id: number; name: string }[] | undefined, id: number): string | undefined {
  return list?.find((x) => x.id === id)?.name;
}

function actorName(entry: HistoryEntry): string | null {
  if (typeof entry.actor === 'string') return entry.actor;
  return entry.actor?.name ?? null;
}

/** Every recorded change of the ticket, newest first: who changed which field from what to what. */
export function HistoryList({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const history = useHistory(ticketId);
  const catalog = useCatalog().data;
  const agents = useAgents().data;
  const customFields = useCustomFields().data;
  const labelOf = useFieldLabel(customFields);

  const describeValue = (field: string, value: HistoryEntry['from']): string => {
    if (value === null || value === undefined || value === '') return '—';
    const key = customFieldKey(field);
    const custom = key === null ? undefined : customFields?.find((f) => f.key === key);
    if (custom) {
      const words = { yes: t('common.yes'), no: t('common.no'), userName: (id: number) => named(agents, id) };
      return formatCustomValue(custom, parseHistoryValue(custom, value), currentLocale(), words) || '—';
    }
    const vocabulary = VOCABULARY[field];
    if (vocabulary) return t(`${vocabulary}.${value}`, { defaultValue: String(value) });
    const id = Number(value);
    const lookups: Record<string, (c: Catalog | undefined) => string | undefined> = {
      categoryId: (c) => named(c?.categories, id),
      serviceId: (c) => named(c?.services, id),
      groupId: (c) => named(c?.groups, id),
      ownerId: () => named(agents, id),
    };
    return lookups[field]?.(catalog) ?? String(value);
  };

  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.isPending) return <Skeleton h={160} />;
  const entries = [...history.data].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  if (entries.length === 0) {
    return (
      <Paper withBorder>
        <EmptyState icon={<IconHistory size={26} />} title={t('history.empty')} />
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label={t('history.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.at')}</Table.Th>
              <Table.Th>{t('history.actor')}</Table.Th>
              <Table.Th>{t('history.field')}</Table.Th>
              <Table.Th>{t('history.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(entry.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{actorName(entry) ?? t('thread.system')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {labelOf(entry.field)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" c="dimmed">
                      {describeValue(entry.field, entry.from)}
                    </Text>
                    <IconArrowRight size={14} aria-label={t('history.to')} />
                    <Text size="sm">{describeValue(entry.field, entry.to)}</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

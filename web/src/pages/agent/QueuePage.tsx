import { Group, SegmentedControl, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { QUEUE_KEYS, type QueueKey } from '../../../../common/domain.ts';
import { useCustomFields } from '../../app/custom-fields.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { CustomFieldFilter } from './CustomFieldFilter.tsx';
import { LogPhoneCallButton } from './LogPhoneCallModal.tsx';
import { TicketTable } from './TicketTable.tsx';

function isQueueKey(value: string | undefined): value is QueueKey {
  return (QUEUE_KEYS as readonly string[]).includes(value ?? '');
}

export default function QueuePage() {
  const { t } = useTranslation();
  const { queue } = useParams();
  const me = useMe().data;
  const [search, setSearch] = useSearchParams();
  const fields = (useCustomFields().data ?? []).filter((field) => field.active);
  if (!isQueueKey(queue)) return <Navigate to="/agent" replace />;
  // Work queues are worked in deadline order when the role sees SLAs; the choice lives in the address.
  const canSortByDue = me?.fields?.sla !== undefined;
  const defaultSort = canSortByDue && queue !== 'resolved' ? 'due' : '-updated';
  const sort =
    search.get('sort') === 'due' && canSortByDue ? 'due' : search.get('sort') === '-updated' ? '-updated' : defaultSort;
  const setSort = (value: string) =>
    setSearch(
      (old) => {
        const next = new URLSearchParams(old);
        next.set('sort', value);
        return next;
      },
      { replace: true },
    );
  // The custom field filter lives in the address (`?cf=key:value`), so a filtered queue can be shared.
  const cf = search.get('cf');
  const setFilter = (value: string | null) =>
    setSearch(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set('cf', value);
        else next.delete('cf');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h3">
          {t(`queue.${queue}`)}
        </Title>
        <Group gap="sm">
          {canSortByDue && (
            <SegmentedControl
              size="xs"
              aria-label={t('agent.sortBy')}
              value={sort}
              onChange={setSort}
              data={[
                { value: 'due', label: t('agent.sortDue') },
                { value: '-updated', label: t('agent.sortUpdated') },
              ]}
            />
          )}
          {fields.length > 0 && <CustomFieldFilter key={queue} fields={fields} value={cf} onChange={setFilter} />}
          {hasPermission(me, 'ticket.create.on_behalf') && <LogPhoneCallButton />}
        </Group>
      </Group>
      <TicketTable
        key={queue}
        params={cf ? { queue, sort, cf: [cf] } : { queue, sort }}
        label={t(`queue.${queue}`)}
        emptyTitle={t('agent.emptyQueue')}
        emptyText={cf ? t('customFields.filterEmpty') : t(`agent.emptyQueueHint.${queue}`)}
      />
    </>
  );
}

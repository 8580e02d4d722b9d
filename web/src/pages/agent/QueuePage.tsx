import { Group, Title } from '@mantine/core';
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
          {fields.length > 0 && <CustomFieldFilter key={queue} fields={fields} value={cf} onChange={setFilter} />}
          {hasPermission(me, 'ticket.create.on_behalf') && <LogPhoneCallButton />}
        </Group>
      </Group>
      {/* No `sort`: the server's default order is newest activity first. */}
      <TicketTable
        key={queue}
        params={cf ? { queue, cf: [cf] } : { queue }}
        label={t(`queue.${queue}`)}
        emptyTitle={t('agent.emptyQueue')}
        emptyText={cf ? t('customFields.filterEmpty') : t(`agent.emptyQueueHint.${queue}`)}
      />
    </>
  );
}

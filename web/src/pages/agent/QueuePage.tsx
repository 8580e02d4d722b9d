import { Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { QUEUE_KEYS, type QueueKey } from '../../../../common/domain.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { LogPhoneCallButton } from './LogPhoneCallModal.tsx';
import { TicketTable } from './TicketTable.tsx';

function isQueueKey(value: string | undefined): value is QueueKey {
  return (QUEUE_KEYS as readonly string[]).includes(value ?? '');
}

export default function QueuePage() {
  const { t } = useTranslation();
  const { queue } = useParams();
  const me = useMe().data;
  if (!isQueueKey(queue)) return <Navigate to="/agent" replace />;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h3">
          {t(`queue.${queue}`)}
        </Title>
        {hasPermission(me, 'ticket.create.on_behalf') && <LogPhoneCallButton />}
      </Group>
      {/* No `sort`: the server's default order is newest activity first. */}
      <TicketTable
        key={queue}
        params={{ queue }}
        label={t(`queue.${queue}`)}
        emptyTitle={t('agent.emptyQueue')}
        emptyText={t(`agent.emptyQueueHint.${queue}`)}
      />
    </>
  );
}

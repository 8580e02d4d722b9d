import { Table, Text } from '@mantine/core';
import type { NotificationEvent } from '../../../../../common/notifications.ts';
import { useNotifyNames } from '../../../app/notify-names.ts';

/** The first cell of an event's row in the notification tables: its name and what it means. */
export function EventCell({ event }: { event: NotificationEvent }) {
  const names = useNotifyNames();
  return (
    <Table.Td>
      <Text size="sm" fw={600}>
        {names.event(event)}
      </Text>
      <Text size="xs" c="dimmed" lh={1.3}>
        {names.eventDescription(event)}
      </Text>
    </Table.Td>
  );
}

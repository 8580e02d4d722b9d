import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets.ts';
import { useCatalog, useEscalate } from '../../app/queries.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const NEXT = 'next';

/** Hands the ticket to the next support line or a chosen group, with the reason the next line reads. */
export function EscalateDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const groups = useCatalog().data?.groups ?? [];
  const escalate = useEscalate(ticket.id);
  const [target, setTarget] = useState<string>(NEXT);
  const [reason, setReason] = useState('');
  const current = groups.find((g) => g.id === ticket.groupId);
  const options = [
    { value: NEXT, label: t('escalation.nextLine') },
    ...groups
      .filter((g) => g.id !== ticket.groupId)
      .map((g) => ({ value: String(g.id), label: `${g.name} (${t('escalation.tier', { tier: g.tier ?? 1 })})` })),
  ];
  const submit = () =>
    escalate.mutate(
      { reason: reason.trim(), ...(target !== NEXT && { groupId: Number(target) }) },
      {
        onSuccess: (updated) => {
          const group = groups.find((g) => g.id === updated.groupId)?.name ?? '';
          notifications.show({ color: 'green', message: t('escalation.done', { group }) });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('escalation.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) submit();
        }}
      >
        <Stack>
          {escalate.error && <ErrorAlert error={escalate.error} />}
          {current && (
            <Select label={t('escalation.from')} data={[{ value: '0', label: current.name }]} value="0" disabled />
          )}
          <Select
            label={t('escalation.group')}
            data={options}
            value={target}
            onChange={(value) => setTarget(value ?? NEXT)}
            allowDeselect={false}
          />
          <Textarea
            label={t('escalation.reason')}
            description={t('escalation.reasonHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="grape" loading={escalate.isPending} disabled={!reason.trim()}>
              {t('escalation.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

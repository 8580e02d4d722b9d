import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClock, IconLock, IconPlayerPlay, IconRotate, IconX } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../../common/domain.ts';
import type { Ticket, TicketTransition } from '../../api/tickets.ts';
import { useTransition } from '../../app/queries.ts';
import { useWorkflowNames } from '../../app/workflow-names.ts';
import { TransitionDialog } from '../../components/TransitionDialog.tsx';
import { TransitionError } from '../../components/TransitionError.tsx';

const LOOK: Record<TicketStatus, { color?: string; variant: string; icon: ReactNode }> = {
  new: { variant: 'default', icon: null },
  assigned: { variant: 'default', icon: null },
  in_progress: { variant: 'default', icon: <IconPlayerPlay size={16} /> },
  waiting_customer: { variant: 'default', icon: <IconClock size={16} /> },
  waiting_vendor: { variant: 'default', icon: <IconClock size={16} /> },
  resolved: { color: 'teal', variant: 'filled', icon: <IconCheck size={16} /> },
  closed: { variant: 'default', icon: <IconLock size={16} /> },
  cancelled: { color: 'red', variant: 'subtle', icon: <IconX size={16} /> },
};

/** Admin-defined statuses get a plain button. */
const CUSTOM_LOOK: { color?: string; variant: string; icon: ReactNode } = { variant: 'default', icon: null };

/** The workflow moves the actor may make now, as buttons; some ask for a solution or comment first. */
export function TransitionButtons({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const transition = useTransition(ticket.id);
  const [asking, setAsking] = useState<TicketTransition | null>(null);
  const names = useWorkflowNames();

  // One button per target status, even if several rules lead there.
  const moves = ticket.abilities.transitions.filter(
    (move, index, all) => all.findIndex((other) => other.to === move.to) === index,
  );
  if (moves.length === 0) return null;

  // Built-in moves have verbs ("Resolve"); admin-defined statuses are named by where they lead.
  const labelOf = (to: string) =>
    to === 'in_progress' && (ticket.status === 'resolved' || ticket.status === 'closed')
      ? t('transition.reopen')
      : t(`transition.${to}`, { defaultValue: names.status(to) });

  const run = (move: TicketTransition, text?: string) => {
    const input = move.requires.includes('solution')
      ? { to: move.to, solution: text }
      : { to: move.to, comment: text || undefined };
    transition.mutate(input, {
      onSuccess: () => {
        setAsking(null);
        notifications.show({ color: 'green', message: t('transition.done', { status: t(`status.${move.to}`) }) });
      },
    });
  };

  const needsText = (move: TicketTransition) => move.requires.includes('solution') || move.requires.includes('comment');
  const needsSolution = asking?.requires.includes('solution') ?? false;

  return (
    <>
      <Group gap="xs">
        {moves.map((move) => {
          const look = LOOK[move.to] ?? CUSTOM_LOOK;
          return (
            <Button
              key={move.to}
              size="sm"
              color={look.color}
              variant={look.variant}
              leftSection={
                move.to === 'in_progress' && ticket.status === 'resolved' ? <IconRotate size={16} /> : look.icon
              }
              loading={transition.isPending && transition.variables?.to === move.to && !asking}
              onClick={() => (needsText(move) ? setAsking(move) : run(move))}
            >
              {labelOf(move.to)}
            </Button>
          );
        })}
      </Group>
      {transition.error && !asking && <TransitionError error={transition.error} mt="sm" />}
      {asking && (
        <TransitionDialog
          opened
          title={labelOf(asking.to)}
          fieldLabel={needsSolution ? t('field.solution') : t('transition.comment')}
          description={needsSolution ? t('transition.solutionHint') : t('transition.commentHint')}
          initialValue={needsSolution ? (ticket.solution ?? '') : ''}
          submitLabel={labelOf(asking.to)}
          submitColor={(LOOK[asking.to] ?? CUSTOM_LOOK).color}
          pending={transition.isPending}
          error={transition.error}
          onClose={() => {
            transition.reset();
            setAsking(null);
          }}
          onSubmit={(text) => run(asking, text)}
        />
      )}
    </>
  );
}

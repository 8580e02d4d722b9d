import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets.ts';
import { useTransition } from '../../app/queries.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TransitionDialog } from '../../components/TransitionDialog.tsx';

/**
 * Shown while a ticket is resolved: the customer reads the solution and either confirms it
 * (the ticket closes) or rejects it with a reason (work resumes).
 */
export function SolutionPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [rejectOpened, reject] = useDisclosure(false);
  const transition = useTransition(ticket.id);
  const canConfirm = ticket.abilities.transitions.some((tr) => tr.to === 'closed');
  const canReject = ticket.abilities.transitions.some((tr) => tr.to === 'in_progress');

  const confirm = () =>
    transition.mutate(
      { to: 'closed' },
      { onSuccess: () => notifications.show({ color: 'green', message: t('portal.confirmed') }) },
    );

  return (
    <Paper withBorder p="lg" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-4)' }}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="teal" radius="xl" size={32}>
            <IconCircleCheck size={20} />
          </ThemeIcon>
          <Title order={2} size="h4">
            {t('portal.solutionTitle')}
          </Title>
        </Group>
        {ticket.solution ? (
          <Text className="fd-pre-wrap" data-testid="ticket-solution">
            {ticket.solution}
          </Text>
        ) : (
          <Text c="dimmed">{t('portal.noSolutionText')}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t('portal.solutionQuestion')}
        </Text>
        {transition.error && !rejectOpened && <ErrorAlert error={transition.error} />}
        <Group>
          {canConfirm && (
            <Button
              color="teal"
              leftSection={<IconThumbUp size={16} />}
              onClick={confirm}
              loading={transition.isPending && transition.variables?.to === 'closed'}
            >
              {t('portal.confirmSolution')}
            </Button>
          )}
          {canReject && (
            <Button variant="default" leftSection={<IconThumbDown size={16} />} onClick={reject.open}>
              {t('portal.rejectSolution')}
            </Button>
          )}
        </Group>
      </Stack>
      {rejectOpened && (
        <TransitionDialog
          opened
          title={t('portal.rejectTitle')}
          fieldLabel={t('portal.rejectReason')}
          description={t('portal.rejectHint')}
          submitLabel={t('portal.rejectSolution')}
          submitColor="red"
          pending={transition.isPending}
          error={transition.error}
          onClose={() => {
            transition.reset();
            reject.close();
          }}
          onSubmit={(comment) =>
            transition.mutate(
              { to: 'in_progress', comment },
              {
                onSuccess: () => {
                  reject.close();
                  notifications.show({ color: 'blue', message: t('portal.rejected') });
                },
              },
            )
          }
        />
      )}
    </Paper>
  );
}

import { Button, Container, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useCatalog, useMessages, useTicket, useTransition } from '../../app/queries.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FollowersPanel } from '../../components/FollowersPanel.tsx';
import { MessageThread } from '../../components/MessageThread.tsx';
import { ReplyBox } from '../../components/ReplyBox.tsx';
import { TicketTitle } from '../../components/TicketTitle.tsx';
import { TransitionDialog } from '../../components/TransitionDialog.tsx';
import { PortalCustomValues } from './PortalCustomFields.tsx';
import { SolutionPanel } from './SolutionPanel.tsx';

const FINISHED = new Set(['closed', 'cancelled']);

export default function PortalTicketPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const me = useMe().data;
  const ticket = useTicket(id);
  const messages = useMessages(id);
  const catalog = useCatalog();
  const cancel = useTransition(id);
  const [cancelOpened, cancelDialog] = useDisclosure(false);

  if (ticket.error) return <ErrorAlert error={ticket.error} />;
  if (!ticket.data) {
    return (
      <Container size="md" px={0}>
        <Stack>
          <Skeleton h={40} w="60%" />
          <Skeleton h={120} />
        </Stack>
      </Container>
    );
  }

  const data = ticket.data;
  const category = catalog.data?.categories.find((c) => c.id === data.categoryId)?.name;
  const cancelRule = data.abilities.transitions.find((tr) => tr.to === 'cancelled');
  const cancelNeedsComment = cancelRule?.requires.includes('comment') ?? false;
  const cancelTicket = (comment?: string) =>
    cancel.mutate(
      { to: 'cancelled', comment },
      {
        onSuccess: () => {
          cancelDialog.close();
          notifications.show({ color: 'gray', message: t('portal.cancelled') });
        },
      },
    );

  return (
    <Container size="md" px={0}>
      <Stack gap="lg">
        <TicketTitle ticket={data} backTo="/portal" backLabel={t('portal.backToList')}>
          <Group gap="md" mt={6} style={{ rowGap: 2 }}>
            <Text size="sm" c="dimmed">
              {t('portal.openedAt', { when: formatDateTime(data.createdAt) })}
            </Text>
            {data.type && (
              <Text size="sm" c="dimmed">
                {t('field.type')}: {t(`type.${data.type}`)}
              </Text>
            )}
            {category && (
              <Text size="sm" c="dimmed">
                {t('field.categoryId')}: {category}
              </Text>
            )}
          </Group>
        </TicketTitle>

        <PortalCustomValues ticket={data} />
        <FollowersPanel ticketId={id} />

        {data.status === 'resolved' && <SolutionPanel ticket={data} />}
        {data.status === 'closed' && data.solution && (
          <Paper withBorder p="md">
            <Text fw={600} mb={4}>
              {t('field.solution')}
            </Text>
            <Text className="fd-pre-wrap">{data.solution}</Text>
          </Paper>
        )}

        <section>
          <Title order={2} size="h4" mb="sm">
            {t('thread.title')}
          </Title>
          <MessageThread
            messages={messages.data}
            isLoading={messages.isPending}
            error={messages.error}
            viewerId={me?.user.id}
          />
        </section>

        {data.abilities.reply && !FINISHED.has(data.status) && (
          <Paper withBorder p="md">
            <ReplyBox
              ticketId={id}
              kind="reply"
              label={t('portal.yourReply')}
              submitLabel={t('portal.sendReply')}
              successMessage={t('portal.replySent')}
            />
          </Paper>
        )}
        {FINISHED.has(data.status) && (
          <Text c="dimmed" size="sm" ta="center">
            {t('portal.finishedNotice')}
          </Text>
        )}

        {cancelRule && (
          <Group justify="flex-end">
            <Button variant="subtle" color="red" onClick={cancelDialog.open}>
              {t('portal.cancelRequest')}
            </Button>
          </Group>
        )}
      </Stack>
      {cancelOpened && (
        <TransitionDialog
          opened
          title={t('portal.cancelRequest')}
          fieldLabel={t('transition.comment')}
          description={t('portal.cancelHint')}
          textRequired={cancelNeedsComment}
          submitLabel={t('portal.cancelRequest')}
          submitColor="red"
          pending={cancel.isPending}
          error={cancel.error}
          onClose={cancelDialog.close}
          onSubmit={(comment) => cancelTicket(comment || undefined)}
        />
      )}
    </Container>
  );
}

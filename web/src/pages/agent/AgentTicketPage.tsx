import { Badge, Grid, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconHistory, IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useMessages, useTicket } from '../../app/queries.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FollowersPanel } from '../../components/FollowersPanel.tsx';
import { MessageThread } from '../../components/MessageThread.tsx';
import { PriorityBadge } from '../../components/TicketBadges.tsx';
import { TicketTitle } from '../../components/TicketTitle.tsx';
import { ArticleFromTicketButton } from '../kb/ArticleFromTicketButton.tsx';
import { Composer } from './Composer.tsx';
import { CustomFieldsPanel } from './CustomFieldsPanel.tsx';
import { EscalationButtons } from './EscalationButtons.tsx';
import { HistoryList } from './HistoryList.tsx';
import { LinkedTicketsPanel } from './LinkedTicketsPanel.tsx';
import { SlaPanel } from './SlaPanel.tsx';
import { TicketFieldsPanel } from './TicketFieldsPanel.tsx';
import { TicketMailPanel } from './TicketMailPanel.tsx';
import { TransitionButtons } from './TransitionButtons.tsx';

export default function AgentTicketPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const me = useMe().data;
  const ticket = useTicket(id);
  const messages = useMessages(id);

  if (ticket.error) return <ErrorAlert error={ticket.error} />;
  if (!ticket.data) {
    return (
      <Stack>
        <Skeleton h={40} w="50%" />
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton h={240} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton h={240} />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  const data = ticket.data;

  return (
    <Stack gap="md">
      <TicketTitle ticket={data} backTo="/agent" backLabel={t('agent.backToQueue')}>
        <Group gap="sm" mt={6}>
          {data.priority && <PriorityBadge priority={data.priority} />}
          {data.channel && <Badge color="gray">{t(`channel.${data.channel}`)}</Badge>}
          <Text size="sm" c="dimmed">
            {t('agent.openedBy', { name: data.requester?.name ?? '—', when: formatDateTime(data.createdAt) })}
          </Text>
        </Group>
      </TicketTitle>
      <Group gap="xs" justify="space-between">
        <TransitionButtons ticket={data} />
        <Group gap="xs">
          <ArticleFromTicketButton ticket={data} />
          <EscalationButtons ticket={data} />
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue="conversation" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="conversation" leftSection={<IconMessages size={14} />}>
                {t('thread.title')}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={14} />}>
                {t('history.title')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="conversation">
              <Stack gap="md">
                {data.solution && (data.status === 'resolved' || data.status === 'closed') && (
                  <SolutionNote text={data.solution} label={t('field.solution')} />
                )}
                <MessageThread
                  messages={messages.data}
                  isLoading={messages.isPending}
                  error={messages.error}
                  viewerId={me?.user.id}
                  mailDetails
                />
                <Composer ticket={data} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryList ticketId={id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SlaPanel ticket={data} />
            <LinkedTicketsPanel ticketId={id} />
            <TicketFieldsPanel ticket={data} />
            <CustomFieldsPanel ticket={data} />
            <FollowersPanel ticketId={id} />
            <TicketMailPanel ticketId={id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function SolutionNote({ text, label }: { text: string; label: string }) {
  return (
    <Stack gap={4} p="md" bg="teal.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text size="sm" className="fd-pre-wrap" data-testid="ticket-solution">
        {text}
      </Text>
    </Stack>
  );
}

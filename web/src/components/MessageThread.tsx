import { Avatar, Badge, Group, Paper, Skeleton, Stack, Text, Typography } from '@mantine/core';
import { IconLock, IconMessages, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketMessage } from '../api/tickets.ts';
import { formatDateTime } from '../app/format.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface MessageThreadProps {
  messages: TicketMessage[] | undefined;
  isLoading: boolean;
  error: unknown;
  /** The id of the person viewing, so their own messages read as "You". */
  viewerId?: number;
}

function MessageItem({ message, viewerId }: { message: TicketMessage; viewerId?: number }) {
  const { t } = useTranslation();
  const internal = message.visibility === 'internal' || message.kind === 'note';
  const authorName =
    message.authorId !== null && message.authorId === viewerId
      ? t('thread.you')
      : (message.author?.name ?? t('thread.system'));
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      bg={internal ? 'yellow.0' : undefined}
      style={internal ? { borderColor: 'var(--mantine-color-yellow-4)' } : undefined}
      data-message-kind={message.kind}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <Avatar size={30} radius="xl" color={internal ? 'yellow' : 'indigo'}>
            {(message.author?.name ?? '?').slice(0, 1).toUpperCase()}
          </Avatar>
          <div>
            <Text size="sm" fw={600}>
              {authorName}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(message.createdAt)}
            </Text>
          </div>
        </Group>
        {internal && (
          <Badge color="yellow" variant="filled" c="dark" leftSection={<IconLock size={12} />}>
            {t('thread.internalNote')}
          </Badge>
        )}
        {message.kind === 'phone' && (
          <Badge color="grape" leftSection={<IconPhone size={12} />}>
            {t('kind.phone')}
          </Badge>
        )}
        {message.kind === 'email' && <Badge color="gray">{t('kind.email')}</Badge>}
      </Group>
      {/* The server sanitizes every body with one allow-list before storing it. */}
      <Typography>
        <div className="fd-message-body" dangerouslySetInnerHTML={{ __html: message.body }} />
      </Typography>
      <AttachmentList attachments={message.attachments ?? []} />
    </Paper>
  );
}

/** The conversation, oldest first, as people read a thread. */
export function MessageThread({ messages, isLoading, error, viewerId }: MessageThreadProps) {
  const { t } = useTranslation();
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !messages) {
    return (
      <Stack>
        <Skeleton h={90} />
        <Skeleton h={90} />
      </Stack>
    );
  }
  if (messages.length === 0) {
    return <EmptyState icon={<IconMessages size={26} />} title={t('thread.empty')} />;
  }
  return (
    <Stack gap="sm" aria-label={t('thread.title')} component="section">
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} viewerId={viewerId} />
      ))}
    </Stack>
  );
}

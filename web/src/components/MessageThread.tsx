import {
  Avatar,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Tooltip,
  Typography,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChevronUp,
  IconDots,
  IconLock,
  IconMail,
  IconMessages,
  IconPhone,
} from '@tabler/icons-react';
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

interface MailProps {
  /** Agents see where a mail came from and whether its sender was verified. */
  mailDetails?: boolean;
}

/** Quoted history and signature cut from a mail, behind a toggle; rendered like the body, muted. */
function QuotedText({ messageId, html }: { messageId: number; html: string }) {
  const { t } = useTranslation();
  const [shown, { toggle }] = useDisclosure(false);
  const id = `quoted-${messageId}`;
  return (
    <Box mt="xs">
      <Button
        variant="subtle"
        color="gray"
        size="compact-xs"
        leftSection={shown ? <IconChevronUp size={14} /> : <IconDots size={14} />}
        aria-expanded={shown}
        aria-controls={id}
        onClick={toggle}
      >
        {shown ? t('thread.hideQuoted') : t('thread.showQuoted')}
      </Button>
      {shown && (
        <Typography>
          <div
            id={id}
            className="fd-message-body fd-quoted"
            data-testid="quoted-text"
            // The server sanitizes quoted text with the same allow-list as bodies.
            dangerouslySetInnerHTML={{ __html: html }}
          />
        </Typography>
      )}
    </Box>
  );
}

/** The orange flag on mail that carried this ticket's number but came from someone not on the ticket. */
function UnverifiedBadge() {
  const { t } = useTranslation();
  const hint = t('thread.unverifiedHint');
  return (
    <Tooltip label={hint} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color="orange"
        variant="light"
        leftSection={<IconAlertTriangle size={12} />}
        tabIndex={0}
        data-testid="unverified-badge"
      >
        {t('thread.unverifiedSender')}
        <VisuallyHidden>: {hint}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

function MessageItem({ message, viewerId, mailDetails }: { message: TicketMessage; viewerId?: number } & MailProps) {
  const { t } = useTranslation();
  const internal = message.visibility === 'internal' || message.kind === 'note';
  const authorName =
    message.authorId !== null && message.authorId === viewerId
      ? t('thread.you')
      : (message.author?.name ?? t('thread.system'));
  const email = message.kind === 'email';
  // Agents see where a mail came from on its own line; the kind badge would only repeat it.
  const senderLine = mailDetails && email && message.senderEmail;
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
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0, maxWidth: '65%' }}>
          <Avatar size={30} radius="xl" color={internal ? 'yellow' : 'indigo'}>
            {(message.author?.name ?? '?').slice(0, 1).toUpperCase()}
          </Avatar>
          <div>
            <Text size="sm" fw={600}>
              {authorName}
            </Text>
            {senderLine && (
              <Group gap={4} wrap="nowrap" data-testid="sender-email">
                <IconMail size={12} color="var(--mantine-color-dimmed)" role="img" aria-label={t('kind.email')} />
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {message.senderEmail}
                </Text>
              </Group>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(message.createdAt)}
            </Text>
          </div>
        </Group>
        <Group gap={6} justify="flex-end" style={{ minWidth: 0 }}>
          {mailDetails && message.unverifiedSender && <UnverifiedBadge />}
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
          {email && !senderLine && (
            <Badge color="gray" leftSection={<IconMail size={12} />}>
              {t('kind.email')}
            </Badge>
          )}
        </Group>
      </Group>
      {/* The server sanitizes every body with one allow-list before storing it. */}
      <Typography>
        <div className="fd-message-body" dangerouslySetInnerHTML={{ __html: message.body }} />
      </Typography>
      {message.quoted && <QuotedText messageId={message.id} html={message.quoted} />}
      <AttachmentList attachments={message.attachments ?? []} />
    </Paper>
  );
}

/** The conversation, oldest first, as people read a thread. */
export function MessageThread({ messages, isLoading, error, viewerId, mailDetails }: MessageThreadProps & MailProps) {
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
        <MessageItem key={message.id} message={message} viewerId={viewerId} mailDetails={mailDetails} />
      ))}
    </Stack>
  );
}

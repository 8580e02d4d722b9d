import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { textToHtml } from '../app/format.ts';
import { usePostMessage } from '../app/queries.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ReplyBoxProps {
  ticketId: number;
  kind: 'reply' | 'note' | 'phone';
  label: string;
  submitLabel: string;
  successMessage: string;
  placeholder?: string;
}

/** A message composer: text, optional files, one send button. */
export function ReplyBox({ ticketId, kind, label, submitLabel, successMessage, placeholder }: ReplyBoxProps) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const post = usePostMessage(ticketId);

  const send = () => {
    if (!text.trim()) return;
    post.mutate(
      { body: textToHtml(text), kind, files },
      {
        onSuccess: () => {
          setText('');
          setFiles([]);
          notifications.show({ color: 'green', message: successMessage });
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Stack gap="sm">
        {post.error && <ErrorAlert error={post.error} />}
        <Textarea
          label={label}
          placeholder={placeholder}
          autosize
          minRows={3}
          maxRows={14}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter sends, as in most help desks and mail clients.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          }}
        />
        <Group justify="space-between" align="flex-end">
          <AttachmentPicker files={files} onChange={setFiles} disabled={post.isPending} />
          <Button
            type="submit"
            leftSection={<IconSend size={16} />}
            loading={post.isPending}
            disabled={!text.trim()}
            color={kind === 'note' ? 'yellow' : undefined}
            c={kind === 'note' ? 'dark' : undefined}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

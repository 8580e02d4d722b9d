import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { textToHtml } from '../app/format.ts';
import { usePostMessage } from '../app/queries.ts';
import { CannedList, useCannedPicker } from '../pages/kb/CannedPicker.tsx';
import { InsertArticleButton } from '../pages/kb/InsertArticleButton.tsx';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ReplyBoxProps {
  ticketId: number;
  kind: 'reply' | 'note' | 'phone';
  label: string;
  submitLabel: string;
  successMessage: string;
  placeholder?: string;
  /** Agents: `::name` inserts a canned response, and a button inserts a knowledge-base article. */
  agentTools?: boolean;
}

/** A message composer: text, optional files, one send button. */
export function ReplyBox({
  ticketId,
  kind,
  label,
  submitLabel,
  successMessage,
  placeholder,
  agentTools = false,
}: ReplyBoxProps) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const post = usePostMessage(ticketId);
  const picker = useCannedPicker({ ticketId, enabled: agentTools, text, setText });

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
          onChange={(event) => {
            setText(event.currentTarget.value);
            picker.track(event.currentTarget);
          }}
          onKeyDown={(event) => {
            if (picker.onKeyDown(event)) return;
            // Ctrl/Cmd+Enter sends, as in most help desks and mail clients.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          }}
        />
        <CannedList picker={picker} />
        <Group justify="space-between" align="flex-end">
          <Group gap="xs" align="flex-end">
            <AttachmentPicker files={files} onChange={setFiles} disabled={post.isPending} />
            {agentTools && (
              <InsertArticleButton
                onInsert={(insert) => setText((old) => (old.trim() ? `${old}\n\n${insert}` : insert))}
              />
            )}
          </Group>
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

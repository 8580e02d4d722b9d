import { Anchor, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { attachmentUrl } from '../api/attachments.ts';
import type { Attachment } from '../api/tickets.ts';
import { formatFileSize } from '../app/format.ts';

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <Group gap="md" mt="xs">
      {attachments.map((attachment) => (
        <Group key={attachment.id} gap={4} wrap="nowrap">
          <IconPaperclip size={14} aria-hidden />
          <Anchor href={attachmentUrl(attachment.id)} size="sm" download={attachment.filename} target="_blank">
            {attachment.filename}
          </Anchor>
          <Text size="xs" c="dimmed">
            ({formatFileSize(attachment.size)})
          </Text>
        </Group>
      ))}
    </Group>
  );
}

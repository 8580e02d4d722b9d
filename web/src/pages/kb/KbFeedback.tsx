import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendKbFeedback } from '../../api/kb.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** "Was this helpful?" yes/no, then an optional comment; one vote per reader (the server keeps the last). */
export function KbFeedback({ articleId }: { articleId: number }) {
  const { t } = useTranslation();
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [thanked, setThanked] = useState(false);
  const send = useMutation({
    mutationFn: (input: { helpful: boolean; comment?: string }) => sendKbFeedback(articleId, input),
  });
  const vote = (value: boolean) => {
    setHelpful(value);
    send.mutate({ helpful: value });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {send.error && <ErrorAlert error={send.error} />}
        <Group gap="sm">
          <Text fw={600}>{t('kb.feedback.question')}</Text>
          <Button
            size="xs"
            variant={helpful === true ? 'filled' : 'default'}
            leftSection={<IconThumbUp size={14} />}
            onClick={() => vote(true)}
          >
            {t('kb.feedback.yes')}
          </Button>
          <Button
            size="xs"
            variant={helpful === false ? 'filled' : 'default'}
            leftSection={<IconThumbDown size={14} />}
            onClick={() => vote(false)}
          >
            {t('kb.feedback.no')}
          </Button>
        </Group>
        {helpful !== null && !thanked && (
          <Group align="flex-end">
            <Textarea
              flex={1}
              label={t('kb.feedback.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Button
              variant="light"
              disabled={!comment.trim()}
              onClick={() => send.mutate({ helpful, comment: comment.trim() }, { onSuccess: () => setThanked(true) })}
            >
              {t('kb.feedback.send')}
            </Button>
          </Group>
        )}
        {helpful !== null && (
          <Text size="sm" c="dimmed" data-testid="kb-feedback-thanks">
            {t('kb.feedback.thanks')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

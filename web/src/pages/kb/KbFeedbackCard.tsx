import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchKbFeedback, type KbArticle } from '../../api/kb.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Readers' votes and comments, for the article's editors. */
export function KbFeedbackCard({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const comments = useQuery({
    queryKey: ['kb', 'article', article.id, 'feedback'],
    queryFn: () => fetchKbFeedback(article.id),
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('kb.feedback.title')}
          </Title>
          <Group gap={6}>
            <IconThumbUp size={16} /> <Text size="sm">{article.helpfulYes}</Text>
            <IconThumbDown size={16} /> <Text size="sm">{article.helpfulNo}</Text>
          </Group>
        </Group>
        {comments.error && <ErrorAlert error={comments.error} />}
        {comments.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kb.feedback.noComments')}
          </Text>
        )}
        {comments.data?.map((c) => (
          <div key={c.id}>
            <Group gap={6}>
              {c.helpful ? <IconThumbUp size={14} /> : <IconThumbDown size={14} />}
              <Text size="xs" c="dimmed">
                {formatDateTime(c.createdAt)}
              </Text>
            </Group>
            <Text size="sm">{c.comment}</Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

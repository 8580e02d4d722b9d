import { Anchor, Badge, Group, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pickTranslation } from '../../api/kb.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { currentLocale, isLocale, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { KbFeedback } from './KbFeedback.tsx';
import { useKbArticle } from './useKb.ts';

/** One article for readers, in their language when translated, with "was this helpful?". */
export default function PortalArticlePage({ base = '/portal/kb' }: { base?: string }) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const article = useKbArticle(id);
  if (article.error) return <ErrorAlert error={article.error} />;
  if (!article.data) return <PageLoader />;
  const text = pickTranslation(article.data, currentLocale());

  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to={base} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('kb.portal.back')}
        </Group>
      </Anchor>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="sm">
          <Title order={1} size="h2" data-testid="kb-article-title">
            {text?.title}
          </Title>
          <Group gap="xs">
            {text && text.locale !== currentLocale() && isLocale(text.locale) && (
              <Badge variant="light">{LANGUAGE_NAMES[text.locale]}</Badge>
            )}
            {article.data.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray">
                {tag}
              </Badge>
            ))}
            <Text size="xs" c="dimmed">
              {t('kb.updated')}: {formatDateTime(article.data.updatedAt)}
            </Text>
          </Group>
          <Typography>
            {/* The server sanitizes article HTML with the shared allow-list. */}
            <div dangerouslySetInnerHTML={{ __html: text?.bodyHtml ?? '' }} />
          </Typography>
        </Stack>
      </Paper>
      {article.data.status === 'published' && <KbFeedback articleId={id} />}
    </Stack>
  );
}

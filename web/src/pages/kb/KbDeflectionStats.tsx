import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchKbDeflections } from '../../api/kb.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Self-service in the last 30 days: suggestions opened, requests avoided, and the articles that helped most. */
export function KbDeflectionStats() {
  const { t } = useTranslation();
  const report = useQuery({ queryKey: ['kb', 'deflections'], queryFn: fetchKbDeflections });
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return null;
  const { opened, converted, deflected, articles } = report.data;
  const figures = [
    { label: t('kb.deflection.opened'), value: opened },
    { label: t('kb.deflection.deflected'), value: deflected },
    { label: t('kb.deflection.converted'), value: converted },
  ];
  return (
    <Paper withBorder p="md" data-testid="kb-deflection-stats">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('kb.deflection.title')}
        </Title>
        <SimpleGrid cols={{ base: 3 }} maw={520}>
          {figures.map((f) => (
            <div key={f.label}>
              <Text size="xl" fw={700}>
                {f.value}
              </Text>
              <Text size="xs" c="dimmed">
                {f.label}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {articles.slice(0, 3).map((a) => (
          <Group key={a.articleId} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/agent/kb/${a.articleId}`} size="sm" lineClamp={1}>
              {a.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('kb.deflection.perArticle', { deflected: a.deflected, opened: a.opened })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

import {
  ActionIcon,
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../../common/kb.ts';
import { fetchKbArticles, type KbCategory } from '../../api/kb.ts';
import { formatRelative } from '../../app/format.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { KbCategoryDialog } from './KbCategoryDialog.tsx';
import { KbDeflectionStats } from './KbDeflectionStats.tsx';
import { KbStatusBadge } from './KbStatusBadge.tsx';
import { flattenTree } from './kb-tree.ts';
import { kbKeys, useKbCategories } from './useKb.ts';

type StatusFilter = ArticleStatus | 'all';

/** Agents' knowledge base: category tree, articles by status, new article and categories. */
export default function KbListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const canPublish = hasPermission(me, 'kb.publish');
  const categories = useKbCategories();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [dialog, setDialog] = useState<{ category: KbCategory | null } | null>(null);
  const params = { categoryId, status: status === 'all' ? undefined : status, locale: currentLocale() };
  const articles = useQuery({ queryKey: kbKeys.articles(params), queryFn: () => fetchKbArticles(params) });
  const tree = flattenTree(categories.data ?? []);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('kb.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => void navigate('/agent/kb/new')}>
          {t('kb.newArticle')}
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="xs">
            <Group justify="space-between" px="xs" mb={4}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {t('kb.categories')}
              </Text>
              {canPublish && (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={t('kb.category.new')}
                  onClick={() => setDialog({ category: null })}
                >
                  <IconPlus size={14} />
                </ActionIcon>
              )}
            </Group>
            {categories.error && <ErrorAlert error={categories.error} />}
            <NavLink
              label={t('kb.allCategories')}
              active={categoryId === undefined}
              onClick={() => setCategoryId(undefined)}
            />
            {tree.map((c) => (
              <NavLink
                key={c.id}
                label={c.name}
                pl={12 + c.depth * 16}
                active={categoryId === c.id}
                onClick={() => setCategoryId(c.id)}
                rightSection={
                  canPublish ? (
                    <ActionIcon
                      component="span"
                      variant="subtle"
                      size="xs"
                      aria-label={t('kb.category.edit')}
                      onClick={(event) => {
                        event.stopPropagation();
                        setDialog({ category: c });
                      }}
                    >
                      <IconPencil size={12} />
                    </ActionIcon>
                  ) : undefined
                }
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            {hasPermission(me, 'menu.reports') && <KbDeflectionStats />}
            <SegmentedControl
              value={status}
              onChange={(v) => setStatus(v as StatusFilter)}
              data={(['all', ...ARTICLE_STATUSES] as const).map((s) => ({
                value: s,
                label: s === 'all' ? t('kb.allStatuses') : t(`kb.status.${s}`),
              }))}
              w="fit-content"
            />
            {articles.error && <ErrorAlert error={articles.error} />}
            {articles.data?.length === 0 && <EmptyState title={t('kb.empty')} />}
            {(articles.data?.length ?? 0) > 0 && (
              <Paper withBorder>
                <Table highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('kb.editor.title')}</Table.Th>
                      <Table.Th>{t('kb.settings.visibility')}</Table.Th>
                      <Table.Th>{t('kb.languages')}</Table.Th>
                      <Table.Th>{t('kb.helpful')}</Table.Th>
                      <Table.Th>{t('kb.updated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {articles.data?.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Text component={Link} to={`/agent/kb/${a.id}`} fw={600} size="sm">
                              {a.title || t('kb.untitled')}
                            </Text>
                            <KbStatusBadge status={a.status} />
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {t(`kb.visibility.${a.visibility}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.locales.join(', ')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <IconThumbUp size={14} /> <Text size="sm">{a.helpfulYes}</Text>
                            <IconThumbDown size={14} /> <Text size="sm">{a.helpfulNo}</Text>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatRelative(a.updatedAt)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog && (
        <KbCategoryDialog
          opened
          onClose={() => setDialog(null)}
          category={dialog.category}
          categories={categories.data ?? []}
        />
      )}
    </Stack>
  );
}

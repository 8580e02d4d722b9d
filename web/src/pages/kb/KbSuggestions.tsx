import { Anchor, Button, Group, Modal, Paper, Stack, Text, Typography } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchKbSuggestions, type KbSuggestion, pickTranslation, recordKbDeflection } from '../../api/kb.ts';
import { currentLocale } from '../../i18n/index.ts';
import { useKbArticle } from './useKb.ts';

function SuggestedArticle({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const article = useKbArticle(id);
  const text = article.data ? pickTranslation(article.data, currentLocale()) : undefined;
  return (
    <Modal opened onClose={onClose} title={text?.title ?? ''} size="lg">
      <Stack>
        <Typography>
          {/* Sanitized on the server. */}
          <div data-testid="kb-suggested-body" dangerouslySetInnerHTML={{ __html: text?.bodyHtml ?? '' }} />
        </Typography>
        <Group justify="space-between">
          <Anchor component={Link} to="/portal">
            {t('kb.suggest.solved')}
          </Anchor>
          <Button variant="default" onClick={onClose}>
            {t('kb.suggest.continue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Articles matching what the customer is typing into a new request (debounced). Opening one
 * records a deflection; if the customer then sends the request anyway, the server counts it as
 * converted.
 */
export function KbSuggestions({ text }: { text: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const [open, setOpen] = useState<number | null>(null);
  const suggestions = useQuery({
    queryKey: ['kb', 'suggest', debounced, locale],
    queryFn: ({ signal }) => fetchKbSuggestions(debounced, locale, 5, signal),
    enabled: debounced.length >= 3,
  });
  const items = debounced.length >= 3 ? (suggestions.data?.items ?? []) : [];
  const openArticle = (item: KbSuggestion) => {
    setOpen(item.id);
    // Statistics only: a failure must not disturb the customer.
    void recordKbDeflection({ articleId: item.id, query: debounced }).catch(() => undefined);
  };
  if (items.length === 0) return null;

  return (
    <Paper withBorder p="sm" bg="blue.0" data-testid="kb-suggestions">
      <Group gap={6} mb={6}>
        <IconBulb size={16} />
        <Text size="sm" fw={600}>
          {t('kb.suggest.title')}
        </Text>
      </Group>
      <Stack gap={4}>
        {items.map((item) => (
          <div key={item.id}>
            <Anchor component="button" type="button" size="sm" fw={600} onClick={() => openArticle(item)}>
              {item.title}
            </Anchor>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.excerpt}
            </Text>
          </div>
        ))}
      </Stack>
      {open !== null && <SuggestedArticle id={open} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchKbArticle,
  fetchKbSuggestions,
  type KbSuggestion,
  pickTranslation,
  portalArticleUrl,
} from '../../api/kb.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { htmlToPlainText } from './kb-tree.ts';

/** Finds a published article and inserts it into the reply as a link or as its text. */
export function InsertArticleButton({ onInsert }: { onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const locale = currentLocale();
  const results = useQuery({
    queryKey: ['kb', 'suggest', debounced, locale],
    queryFn: ({ signal }) => fetchKbSuggestions(debounced, locale, 10, signal),
    enabled: opened && debounced.length >= 2,
  });
  const asLink = (item: KbSuggestion) => {
    onInsert(`${item.title}: ${portalArticleUrl(item.id)}`);
    modal.close();
  };
  const asText = async (item: KbSuggestion) => {
    const article = await fetchKbArticle(item.id);
    const text = pickTranslation(article, item.locale);
    onInsert(text ? `${text.title}\n\n${htmlToPlainText(text.bodyHtml)}` : item.title);
    modal.close();
  };

  return (
    <>
      <Button variant="subtle" size="xs" leftSection={<IconBook size={14} />} onClick={modal.open}>
        {t('canned.insertArticle')}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('canned.insertArticle')} size="lg">
        <Stack gap="sm">
          <TextInput
            data-autofocus
            placeholder={t('kb.portal.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          {results.error && <ErrorAlert error={results.error} />}
          {(results.data?.items ?? []).map((item) => (
            <Group key={item.id} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={600}>
                  {item.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {item.excerpt}
                </Text>
              </div>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="light" onClick={() => asLink(item)}>
                  {t('canned.asLink')}
                </Button>
                <Button size="compact-xs" variant="light" onClick={() => void asText(item)}>
                  {t('canned.asText')}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      </Modal>
    </>
  );
}

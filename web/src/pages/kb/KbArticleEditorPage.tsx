import { Anchor, Badge, Button, Grid, Group, Modal, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LOCALES } from '../../../../common/domain.ts';
import { isApiError } from '../../api/client.ts';
import {
  createKbArticle,
  deleteKbArticle,
  type KbArticle,
  type KbSettings,
  saveKbTranslation,
  setKbStatus,
  updateKbSettings,
} from '../../api/kb.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { currentLocale, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { ArticleBodyEditor } from './ArticleBodyEditor.tsx';
import { KbFeedbackCard } from './KbFeedbackCard.tsx';
import { KbSettingsCard } from './KbSettingsCard.tsx';
import { KbStatusBadge } from './KbStatusBadge.tsx';
import { KbVersionsCard } from './KbVersionsCard.tsx';
import { useKbArticle, useKbArticleSaved } from './useKb.ts';

type Texts = Record<string, { title: string; bodyHtml: string }>;

const EMPTY_SETTINGS: KbSettings = {
  categoryId: null,
  visibility: 'staff',
  organizationIds: [],
  roleIds: [],
  groupIds: [],
  tags: [],
};

function settingsOf(article: KbArticle): KbSettings {
  const { categoryId, visibility, organizationIds, roleIds, groupIds, tags } = article;
  return { categoryId, visibility, organizationIds, roleIds, groupIds, tags };
}

function textsOf(article: KbArticle): Texts {
  return Object.fromEntries(article.translations.map((tr) => [tr.locale, { title: tr.title, bodyHtml: tr.bodyHtml }]));
}

/** Writing an article: text per language (Tiptap), settings, versions, publish and archive. */
export default function KbArticleEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const param = useParams().id;
  const id = param === 'new' ? null : Number(param);
  const me = useMe().data;
  const canPublish = hasPermission(me, 'kb.publish');
  const article = useKbArticle(id);
  const saved = useKbArticleSaved();
  const queryClient = useQueryClient();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [locale, setLocale] = useState<string>(currentLocale());
  const [texts, setTexts] = useState<Texts>({});
  const [settings, setSettings] = useState<KbSettings>(EMPTY_SETTINGS);

  // Load the server's state once per article (and after a restore replaced the text).
  const loaded = article.data;
  useEffect(() => {
    if (!loaded) return;
    setTexts(textsOf(loaded));
    setSettings(settingsOf(loaded));
    const first = loaded.translations[0]?.locale;
    setLocale((current) => (loaded.translations.some((tr) => tr.locale === current) || !first ? current : first));
  }, [loaded]);

  const text = texts[locale] ?? { title: '', bodyHtml: '' };
  const setText = (patch: Partial<typeof text>) => setTexts((old) => ({ ...old, [locale]: { ...text, ...patch } }));

  const create = useMutation({
    mutationFn: () => createKbArticle({ ...settings, locale, title: text.title, bodyHtml: text.bodyHtml }),
    onSuccess: (created) => {
      saved(created);
      notifications.show({ color: 'green', message: t('kb.editor.created') });
      void navigate(`/agent/kb/${created.id}`, { replace: true });
    },
  });
  const saveText = useMutation({
    mutationFn: () => saveKbTranslation(id!, locale, text),
    onSuccess: (result) => {
      saved(result);
      notifications.show({ color: 'green', message: t('kb.editor.saved') });
    },
  });
  const saveSettings = useMutation({
    mutationFn: () => updateKbSettings(id!, settings),
    onSuccess: (result) => {
      saved(result);
      notifications.show({ color: 'green', message: t('kb.editor.saved') });
    },
  });
  const status = useMutation({
    mutationFn: (action: 'publish' | 'archive') => setKbStatus(id!, action),
    onSuccess: (result) => {
      saved(result);
      notifications.show({ color: 'green', message: t(`kb.status.${result.status}`) });
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteKbArticle(id!),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['kb', 'articles'] });
      void navigate('/agent/kb');
    },
  });

  if (id !== null && article.error) return <ErrorAlert error={article.error} />;
  if (id !== null && !loaded) return <PageLoader />;
  const error = create.error ?? saveText.error ?? saveSettings.error ?? status.error ?? remove.error;
  const errorFields = isApiError(error) ? error.fields : [];
  const stored = new Set(loaded?.translations.map((tr) => tr.locale) ?? []);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/agent/kb" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('kb.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} size="h2">
            {id === null ? t('kb.editor.newTitle') : text.title || t('kb.untitled')}
          </Title>
          {loaded && <KbStatusBadge status={loaded.status} />}
          {loaded?.sourceTicketId && (
            <Anchor component={Link} to={`/agent/tickets/${loaded.sourceTicketId}`} size="sm">
              {t('kb.editor.sourceTicket')}
            </Anchor>
          )}
        </Group>
        {loaded && canPublish && (
          <Group gap="xs">
            {loaded.status !== 'published' && (
              <Button color="green" onClick={() => status.mutate('publish')} loading={status.isPending}>
                {t('kb.editor.publish')}
              </Button>
            )}
            {loaded.status !== 'archived' && (
              <Button variant="default" onClick={() => status.mutate('archive')} loading={status.isPending}>
                {t('kb.editor.archive')}
              </Button>
            )}
            <Button color="red" variant="subtle" onClick={() => setConfirmDelete(true)}>
              {t('kb.actions.delete')}
            </Button>
          </Group>
        )}
      </Group>
      {error && <ErrorAlert error={error} />}
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('kb.editor.deleteTitle')}>
        <Stack>
          <Text size="sm">{t('kb.editor.deleteText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('kb.actions.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={locale} onChange={(v) => v && setLocale(v)} keepMounted={false}>
            <Tabs.List mb="md">
              {LOCALES.map((l) => (
                <Tabs.Tab
                  key={l}
                  value={l}
                  rightSection={stored.has(l) ? <Badge size="xs" variant="dot" /> : undefined}
                >
                  {LANGUAGE_NAMES[l]}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LOCALES.map((l) => (
              <Tabs.Panel key={l} value={l}>
                <Stack gap="sm">
                  <TextInput
                    label={t('kb.editor.title')}
                    value={text.title}
                    onChange={(e) => setText({ title: e.currentTarget.value })}
                    maxLength={200}
                    required
                    error={errorFields.includes('title') ? t('kb.settings.invalid') : undefined}
                  />
                  <ArticleBodyEditor
                    articleId={id}
                    value={text.bodyHtml}
                    onChange={(bodyHtml) => setText({ bodyHtml })}
                    label={t('kb.editor.body')}
                  />
                  <Group justify="flex-end">
                    {id === null ? (
                      <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!text.title.trim()}>
                        {t('kb.editor.create')}
                      </Button>
                    ) : (
                      <Button
                        onClick={() => saveText.mutate()}
                        loading={saveText.isPending}
                        disabled={!text.title.trim()}
                      >
                        {t('kb.editor.saveText', { language: LANGUAGE_NAMES[l] })}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <KbSettingsCard
              value={settings}
              onChange={setSettings}
              onSave={id === null ? undefined : () => saveSettings.mutate()}
              saving={saveSettings.isPending}
              errorFields={errorFields}
            />
            {id !== null && <KbVersionsCard articleId={id} locale={locale} />}
            {loaded && <KbFeedbackCard article={loaded} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

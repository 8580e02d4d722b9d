import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../common/domain.ts';
import { CANNED_PLACEHOLDERS, type CannedScope } from '../../../../common/kb.ts';
import {
  type CannedInput,
  type CannedResponse,
  createCanned,
  deleteCanned,
  fetchCanned,
  updateCanned,
} from '../../api/canned.ts';
import { isApiError } from '../../api/client.ts';
import { textToHtml } from '../../app/format.ts';
import { useCatalog } from '../../app/queries.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { cannedKeys } from './CannedPicker.tsx';
import { htmlToPlainText } from './kb-tree.ts';

function CannedDialog({ response, onClose }: { response: CannedResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const groups = useCatalog().data?.groups ?? [];
  const [values, setValues] = useState<CannedInput>(() =>
    response
      ? { ...response, bodyHtml: htmlToPlainText(response.bodyHtml) }
      : { scope: 'personal', groupId: null, name: '', locale: currentLocale(), bodyHtml: '' },
  );
  const save = useMutation({
    mutationFn: () => {
      const input = { ...values, bodyHtml: textToHtml(values.bodyHtml) };
      return response ? updateCanned(response.id, input) : createCanned(input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cannedKeys.all });
      onClose();
    },
  });
  const fields = isApiError(save.error) ? save.error.fields : [];
  const invalid = (field: string) => (fields.includes(field) ? t('kb.settings.invalid') : undefined);
  const scopes: CannedScope[] = [
    'personal',
    'group',
    ...(hasPermission(me, 'canned.manage_global') ? ['global' as const] : []),
  ];

  return (
    <Modal opened onClose={onClose} title={response ? t('canned.edit') : t('canned.new')} size="lg">
      <Stack gap="sm">
        {save.error && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('canned.name')}
          description={t('canned.nameHint')}
          required
          value={values.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setValues((v) => ({ ...v, name }));
          }}
          error={invalid('name')}
        />
        <Group grow>
          <Select
            label={t('canned.scope')}
            allowDeselect={false}
            data={scopes.map((s) => ({ value: s, label: t(`canned.scopes.${s}`) }))}
            value={values.scope}
            onChange={(v) => setValues((old) => ({ ...old, scope: (v ?? 'personal') as CannedScope, groupId: null }))}
          />
          {values.scope === 'group' && (
            <Select
              label={t('canned.group')}
              data={groups.map((g) => ({ value: String(g.id), label: g.name }))}
              value={values.groupId === null ? null : String(values.groupId)}
              onChange={(v) => setValues((old) => ({ ...old, groupId: v ? Number(v) : null }))}
              error={invalid('groupId')}
            />
          )}
          <Select
            label={t('canned.language')}
            allowDeselect={false}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={values.locale}
            onChange={(v) => setValues((old) => ({ ...old, locale: v ?? 'en' }))}
          />
        </Group>
        <Textarea
          label={t('canned.body')}
          description={t('canned.placeholders', { list: CANNED_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}
          required
          autosize
          minRows={6}
          value={values.bodyHtml}
          onChange={(e) => {
            const bodyHtml = e.currentTarget.value;
            setValues((v) => ({ ...v, bodyHtml }));
          }}
          error={invalid('bodyHtml')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!values.name.trim() || !values.bodyHtml.trim()}
          >
            {t('kb.actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Agents' saved replies: their own, their groups' and the global ones. */
export default function CannedPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: cannedKeys.all, queryFn: () => fetchCanned() });
  const [dialog, setDialog] = useState<{ response: CannedResponse | null } | null>(null);
  const remove = useMutation({
    mutationFn: deleteCanned,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cannedKeys.all }),
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {t('canned.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('canned.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ response: null })}>
          {t('canned.new')}
        </Button>
      </Group>
      {(list.error ?? remove.error) && <ErrorAlert error={list.error ?? remove.error} />}
      {list.data?.length === 0 && <EmptyState title={t('canned.empty')} />}
      {(list.data?.length ?? 0) > 0 && (
        <Paper withBorder>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('canned.name')}</Table.Th>
                <Table.Th>{t('canned.scope')}</Table.Th>
                <Table.Th>{t('canned.language')}</Table.Th>
                <Table.Th>{t('canned.body')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      ::{c.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`canned.scopes.${c.scope}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{c.locale}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {htmlToPlainText(c.bodyHtml)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.editable && (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('canned.edit')}
                          onClick={() => setDialog({ response: c })}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('kb.actions.delete')}
                          onClick={() => remove.mutate(c.id)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {dialog && <CannedDialog response={dialog.response} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

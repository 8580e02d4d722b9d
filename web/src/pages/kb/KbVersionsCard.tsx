import { Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DiffOp, fetchKbDiff, fetchKbVersions, restoreKbVersion } from '../../api/kb.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { kbKeys, useKbArticleSaved } from './useKb.ts';

/** The runs with stable keys: their offset in the combined text. */
function keyed(ops: DiffOp[]) {
  let offset = 0;
  return ops.map((op) => {
    const key = `${op.op}-${offset}`;
    offset += op.text.length;
    return { ...op, key };
  });
}

const RUN_STYLE = {
  insert: { background: 'var(--mantine-color-green-1)' },
  delete: { background: 'var(--mantine-color-red-1)' },
};

function DiffText({ ops }: { ops: DiffOp[] }) {
  return (
    <Text size="sm" className="fd-pre-wrap" component="div">
      {keyed(ops).map((op) => {
        if (op.op === 'equal') return <span key={op.key}>{op.text}</span>;
        const Tag = op.op === 'insert' ? 'ins' : 'del';
        return (
          <Tag key={op.key} style={RUN_STYLE[op.op]}>
            {op.text}
          </Tag>
        );
      })}
    </Text>
  );
}

/** Saved versions of one language: compare two, restore one (as a new version). */
export function KbVersionsCard({ articleId, locale }: { articleId: number; locale: string }) {
  const { t } = useTranslation();
  const versions = useQuery({
    queryKey: kbKeys.versions(articleId, locale),
    queryFn: () => fetchKbVersions(articleId, locale),
  });
  const [picked, setPicked] = useState<number[]>([]);
  const saved = useKbArticleSaved();
  const restore = useMutation({
    mutationFn: (versionId: number) => restoreKbVersion(articleId, versionId),
    onSuccess: saved,
  });
  const [from, to] = [...picked].sort((a, b) => a - b);
  const diff = useQuery({
    queryKey: ['kb', 'diff', articleId, from, to],
    queryFn: () => fetchKbDiff(articleId, from, to),
    enabled: picked.length === 2,
  });
  const [showDiff, setShowDiff] = useState(false);
  const toggle = (id: number) =>
    setPicked((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id].slice(-2)));

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('kb.versions.title')}
          </Title>
          <Button size="xs" variant="light" disabled={picked.length !== 2} onClick={() => setShowDiff(true)}>
            {t('kb.versions.compare')}
          </Button>
        </Group>
        {versions.error && <ErrorAlert error={versions.error} />}
        {restore.error && <ErrorAlert error={restore.error} />}
        {(versions.data ?? []).length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kb.versions.none')}
          </Text>
        )}
        {(versions.data ?? []).map((v, index) => (
          <Group key={v.id} justify="space-between" wrap="nowrap" gap="xs">
            <Checkbox
              style={{ flex: 1, minWidth: 0 }}
              checked={picked.includes(v.id)}
              onChange={() => toggle(v.id)}
              label={
                <Stack gap={0}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {t('kb.versions.number', { n: v.version })}
                    </Text>
                    {index === 0 && <Badge size="xs">{t('kb.versions.current')}</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {v.authorName ?? '—'} · {formatDateTime(v.createdAt)}
                  </Text>
                </Stack>
              }
            />
            {index > 0 && (
              <Button
                size="compact-xs"
                variant="subtle"
                style={{ flexShrink: 0 }}
                loading={restore.isPending}
                onClick={() => restore.mutate(v.id)}
              >
                {t('kb.versions.restore')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Modal opened={showDiff} onClose={() => setShowDiff(false)} title={t('kb.versions.diffTitle')} size="xl">
        {diff.error && <ErrorAlert error={diff.error} />}
        {diff.data && (
          <Stack>
            <Text size="sm" c="dimmed">
              {t('kb.versions.diffBetween', { from: diff.data.from.version, to: diff.data.to.version })}
            </Text>
            <Title order={3} size="h5">
              <DiffText ops={diff.data.title} />
            </Title>
            <DiffText ops={diff.data.body} />
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

import { Alert, Button, Code, CopyButton, Group, type MantineFontSize, Stack } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server returns only once (a temporary password, an API token): a green notice,
 * the value with a copy button, and a Done button. The caller keeps the value only in its own
 * state, so it is gone when the dialog closes.
 */
export function ShownOnceSecret({
  title,
  hint,
  value,
  testId,
  fz = 'lg',
  onDone,
}: {
  title: ReactNode;
  hint: ReactNode;
  value: string;
  testId: string;
  fz?: MantineFontSize;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="green" icon={<IconKey size={16} />} title={title}>
        {hint}
      </Alert>
      <Group gap="xs" wrap="nowrap">
        <Code fz={fz} p="sm" data-testid={testId} style={{ flex: 1, userSelect: 'all', wordBreak: 'break-all' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('common.done')}</Button>
      </Group>
    </Stack>
  );
}

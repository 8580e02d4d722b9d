import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SaveBarProps {
  dirty: boolean;
  /** Changes exist but cannot be saved as they are (the editor explains why). */
  blocked?: boolean;
  saving: boolean;
  onSave: () => void;
  onReset: () => void;
  children?: ReactNode;
}

/** The editor's sticky action bar: tells whether there are unsaved changes and saves or resets them. */
export function SaveBar({ dirty, blocked = false, saving, onSave, onReset, children }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      mb="md"
      pos="sticky"
      top={68}
      style={{ zIndex: 5 }}
      bg={dirty ? 'yellow.0' : undefined}
      data-testid="save-bar"
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {dirty ? (
            <Badge color="orange" variant="light" data-testid="unsaved-changes">
              {t('admin.editor.unsaved')}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('admin.editor.allSaved')}
            </Text>
          )}
          {children}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" disabled={!dirty || saving} onClick={onReset}>
            {t('admin.editor.discard')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!dirty || blocked}
            loading={saving}
            onClick={onSave}
          >
            {t('admin.editor.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

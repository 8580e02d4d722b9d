import { ActionIcon, Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../app/format.ts';

interface AttachmentPickerProps {
  files: File[];
  onChange: (files: File[]) => void;
  label?: string;
  disabled?: boolean;
}

/**
 * A real `<input type="file">` behind a visible label, so keyboard users, screen readers and
 * browser automation (setInputFiles) all reach it directly. Picked files can be removed.
 */
export function AttachmentPicker({ files, onChange, label, disabled }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const add = (list: FileList | null) => {
    if (!list) return;
    onChange([...files, ...Array.from(list)]);
    if (inputRef.current) inputRef.current.value = ''; // allow picking the same file again
  };

  return (
    <Input.Wrapper label={label ?? t('attachments.label')} labelProps={{ htmlFor: id }}>
      <Stack gap={6} mt={4}>
        <div>
          {/* Visually hidden but focusable; the button-styled label opens it, in the page's language. */}
          <input
            id={id}
            ref={inputRef}
            type="file"
            multiple
            disabled={disabled}
            className="fd-file-input"
            onChange={(event) => add(event.currentTarget.files)}
          />
          <Button
            component="label"
            htmlFor={id}
            variant="default"
            size="xs"
            leftSection={<IconPaperclip size={14} />}
            data-disabled={disabled || undefined}
          >
            {t('attachments.add')}
          </Button>
        </div>
        {files.map((file, index) => (
          <Group key={`${file.name}-${file.size}-${file.lastModified}`} gap="xs" wrap="nowrap">
            <Text size="sm" truncate maw={280}>
              {file.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatFileSize(file.size)}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('attachments.remove', { name: file.name })}
              onClick={() => onChange(files.filter((_, i) => i !== index))}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Input.Wrapper>
  );
}

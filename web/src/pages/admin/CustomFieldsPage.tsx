import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Menu,
  Paper,
  Skeleton,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconDots, IconEye, IconPencil, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomField, updateCustomField } from '../../api/customfields.ts';
import { queryKeys } from '../../api/keys.ts';
import { fieldLabel } from '../../app/custom-field-values.ts';
import { useCustomFields } from '../../app/custom-fields.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { DeleteCustomFieldModal } from './CustomFieldDialogs.tsx';
import { CustomFieldEditorModal, type FieldEditorTarget } from './CustomFieldEditor.tsx';

interface FieldActionsProps {
  field: CustomField;
  onEdit: () => void;
  onActive: (active: boolean) => void;
  onDelete: () => void;
}

function FieldActions({ field, onEdit, onActive, onDelete }: FieldActionsProps) {
  const { t } = useTranslation();
  return (
    // The row opens the editor; clicks on the menu must not.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row click from bubbling
    // biome-ignore lint/a11y/useKeyWithClickEvents: the menu itself is keyboard reachable
    <div onClick={(event) => event.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('admin.fields.actionsFor', { name: fieldLabel(field, currentLocale()) })}
          >
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
            {t('admin.fields.edit')}
          </Menu.Item>
          {field.active ? (
            <Menu.Item leftSection={<IconArchive size={14} />} onClick={() => onActive(false)}>
              {t('admin.fields.retire')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => onActive(true)}>
              {t('admin.fields.reactivate')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
            {t('admin.fields.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}

/** Where a field must be filled: ticket types at creation, statuses before moving there. */
function RequiredFor({ field }: { field: CustomField }) {
  const { t } = useTranslation();
  const items = [
    ...field.requiredForTypes.map((type) => t(`type.${type}`)),
    ...field.requiredForStatuses.map((status) => t('admin.fields.beforeStatus', { status: t(`status.${status}`) })),
  ];
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} variant="light" color="orange" tt="none" fw={500}>
          {item}
        </Badge>
      ))}
    </Group>
  );
}

/** Extra ticket fields: their definitions, in display order, with retired ones kept for history. */
export default function CustomFieldsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fields = useCustomFields();
  const [editing, setEditing] = useState<FieldEditorTarget | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const locale = currentLocale();
  const setActive = useMutation({
    mutationFn: ({ field, active }: { field: CustomField; active: boolean }) => updateCustomField(field.id, { active }),
    onSuccess: (field) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      const key = field.active ? 'admin.fields.reactivated' : 'admin.fields.retired';
      notifications.show({ color: 'green', message: t(key, { name: fieldLabel(field, locale) }) });
    },
  });
  const list = fields.data ?? [];
  const nextPosition = list.reduce((max, field) => Math.max(max, field.position + 10), 10);

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={1} size="h3">
          {t('admin.fields.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'create' })}>
          {t('admin.fields.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('admin.fields.intro')}
      </Text>
      {(fields.error || setActive.error) && <ErrorAlert error={fields.error ?? setActive.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.fields.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.fields.label')}</Table.Th>
                <Table.Th>{t('admin.fields.key')}</Table.Th>
                <Table.Th>{t('admin.fields.type')}</Table.Th>
                <Table.Th>{t('admin.fields.portal')}</Table.Th>
                <Table.Th>{t('admin.fields.requiredFor')}</Table.Th>
                <Table.Th>{t('admin.status')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.isPending &&
                [0, 1, 2].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={7}>
                      <Skeleton h={28} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {list.map((field) => (
                <Table.Tr
                  key={field.id}
                  className="fd-clickable-row"
                  onClick={() => setEditing({ mode: 'edit', field })}
                  data-testid={`field-row-${field.key}`}
                  c={field.active ? undefined : 'dimmed'}
                >
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {fieldLabel(field, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{field.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`customFieldType.${field.type}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {field.portalVisible ? (
                      <Badge variant="light" color="teal" leftSection={<IconEye size={12} />} tt="none" fw={500}>
                        {t('admin.fields.shownInPortal')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('admin.fields.staffOnly')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RequiredFor field={field} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={field.active ? 'green' : 'gray'}>
                      {field.active ? t('admin.active') : t('admin.fields.retiredBadge')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <FieldActions
                      field={field}
                      onEdit={() => setEditing({ mode: 'edit', field })}
                      onActive={(active) => setActive.mutate({ field, active })}
                      onDelete={() => setDeleting(field)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {fields.data?.length === 0 && (
          <EmptyState title={t('admin.fields.empty')} description={t('admin.fields.emptyHint')} />
        )}
      </Paper>
      <CustomFieldEditorModal target={editing} nextPosition={nextPosition} onClose={() => setEditing(null)} />
      <DeleteCustomFieldModal field={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

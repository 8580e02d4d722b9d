import { Button, Group, Paper, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Above a catalogue table: what the tab holds, and the button that adds one. */
export function CatalogToolbar({
  intro,
  createLabel,
  onCreate,
}: {
  intro: string;
  createLabel: string;
  onCreate: () => void;
}) {
  return (
    <Group justify="space-between" mb="md" align="flex-start">
      <Text size="sm" c="dimmed" maw={640}>
        {intro}
      </Text>
      <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
        {createLabel}
      </Button>
    </Group>
  );
}

interface CatalogTableProps {
  /** The table's accessible name. */
  label: string;
  minWidth: number;
  /** Header cells; the (unlabelled) column of the row menus is added after them. */
  head: ReactNode;
  /** Columns including the row menu's, so the loading rows span the table. */
  columns: number;
  /** How many placeholder rows to show while the catalogue loads. */
  loadingRows: number;
  loading: boolean;
  error: unknown;
  /** Loaded without a single row: shows `emptyTitle` and `emptyIcon` under the header. */
  empty: boolean;
  emptyTitle: string;
  emptyIcon: ReactNode;
  /** The rows. */
  children: ReactNode;
}

/**
 * The table of a catalogue tab (groups, services, categories): its load error, placeholder rows
 * while loading, the rows with a menu column last, and an empty state once loaded without rows.
 */
export function CatalogTable(props: CatalogTableProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={props.error} mb="md" />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={props.minWidth}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={props.label}>
            <Table.Thead>
              <Table.Tr>
                {props.head}
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.loading &&
                Array.from({ length: props.loadingRows }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to tell them apart
                  <Table.Tr key={i}>
                    <Table.Td colSpan={props.columns}>
                      <Skeleton h={28} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {props.children}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {props.empty && <EmptyState title={props.emptyTitle} icon={props.emptyIcon} />}
      </Paper>
    </>
  );
}

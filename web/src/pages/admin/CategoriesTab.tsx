import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowsMove, IconCornerDownRight, IconFolder, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogCategory } from '../../api/catalog.ts';
import { useCatalog } from '../../app/queries.ts';
import { CatalogActions } from './CatalogActions.tsx';
import { CatalogDeleteModal, type DeleteTarget } from './CatalogDeleteModal.tsx';
import { CatalogTable, CatalogToolbar } from './CatalogTable.tsx';
import { type CategoryDialogTarget, CategoryModal } from './CategoryDialogs.tsx';

interface TreeRow {
  category: CatalogCategory;
  depth: 0 | 1;
  children: number;
}

/** Top-level categories (by name), each followed by its sub-categories. */
export function categoryTree(categories: CatalogCategory[]): TreeRow[] {
  const ids = new Set(categories.map((c) => c.id));
  const isTop = (c: CatalogCategory) => !c.parentId || !ids.has(c.parentId);
  const byName = (a: CatalogCategory, b: CatalogCategory) => a.name.localeCompare(b.name);
  const rows: TreeRow[] = [];
  for (const top of categories.filter(isTop).sort(byName)) {
    const children = categories.filter((c) => !isTop(c) && c.parentId === top.id).sort(byName);
    rows.push({ category: top, depth: 0, children: children.length });
    for (const child of children) rows.push({ category: child, depth: 1, children: 0 });
  }
  return rows;
}

/** Categories customers file requests under, nested one level. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [dialog, setDialog] = useState<CategoryDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const categories = catalog.data?.categories ?? [];
  const rows = categoryTree(categories);

  return (
    <>
      <CatalogToolbar
        intro={t('admin.catalog.categories.intro')}
        createLabel={t('admin.catalog.categories.create')}
        onCreate={() => setDialog({ mode: 'create' })}
      />
      <CatalogTable
        label={t('admin.catalog.categories.title')}
        minWidth={520}
        head={
          <>
            <Table.Th>{t('admin.catalog.name')}</Table.Th>
            <Table.Th ta="right">{t('admin.catalog.categories.children')}</Table.Th>
          </>
        }
        columns={3}
        loadingRows={4}
        loading={catalog.isPending}
        error={catalog.error}
        empty={catalog.data !== undefined && rows.length === 0}
        emptyTitle={t('admin.catalog.categories.empty')}
        emptyIcon={<IconFolder size={26} />}
      >
        {rows.map(({ category, depth, children }) => (
          <Table.Tr
            key={category.id}
            className="fd-clickable-row"
            onClick={() => setDialog({ mode: 'rename', category })}
            data-testid={`category-row-${category.id}`}
          >
            <Table.Td>
              <Group gap="xs" wrap="nowrap" pl={depth * 28}>
                {depth === 0 ? (
                  <IconFolder size={16} color="var(--mantine-color-indigo-6)" aria-hidden />
                ) : (
                  <IconCornerDownRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
                )}
                <Text size="sm" fw={depth === 0 ? 600 : 400}>
                  {category.name}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              {depth === 0 ? (
                <Badge variant="light" color={children > 0 ? 'indigo' : 'gray'}>
                  {children}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <CatalogActions
                name={category.name}
                actions={[
                  ...(depth === 0
                    ? [
                        {
                          label: t('admin.catalog.categories.addChild'),
                          icon: <IconPlus size={14} />,
                          onClick: () => setDialog({ mode: 'create', parentId: category.id }),
                        },
                      ]
                    : []),
                  {
                    label: t('admin.catalog.rename'),
                    icon: <IconPencil size={14} />,
                    onClick: () => setDialog({ mode: 'rename', category }),
                  },
                  {
                    label: t('admin.catalog.categories.move'),
                    icon: <IconArrowsMove size={14} />,
                    onClick: () => setDialog({ mode: 'move', category, hasChildren: children > 0 }),
                  },
                ]}
                onDelete={() => setDeleting({ kind: 'categories', id: category.id, name: category.name })}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </CatalogTable>
      <CategoryModal target={dialog} categories={categories} onClose={() => setDialog(null)} />
      <CatalogDeleteModal target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

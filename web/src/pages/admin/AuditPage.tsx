import { ActionIcon, Badge, Button, Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/roles.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AuditChanges } from './AuditChanges.tsx';
import { roleLabel, useAuditLog } from './useRoles.ts';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  copy: 'teal',
  update: 'blue',
  delete: 'red',
  revoke: 'red',
};
const COLUMNS = 5;

function actorName(entry: AuditEntry): string | null {
  if (typeof entry.actor === 'string') return entry.actor;
  return entry.actor?.name ?? null;
}

/** "Role · Engineer (second line)": the entity kind and, when the snapshot names it, its name. */
function useEntityLabel() {
  const { t, i18n } = useTranslation();
  return (entry: AuditEntry) => {
    const snapshot = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
    const kind = t(`admin.audit.entity.${entry.entity}`, { defaultValue: entry.entity });
    if (typeof snapshot.name === 'string') {
      const name =
        typeof snapshot.key === 'string' ? roleLabel({ key: snapshot.key, name: snapshot.name }) : snapshot.name;
      return { kind, name };
    }
    // Workflow statuses and types carry names per language and a key; transitions a ticket type.
    if (typeof snapshot.key === 'string' && typeof snapshot.names === 'object' && snapshot.names !== null) {
      const names = snapshot.names as Record<string, string>;
      return { kind, name: names[i18n.language] ?? names.en ?? snapshot.key };
    }
    if (entry.entity === 'transitions' && 'type' in snapshot) {
      return { kind, name: typeof snapshot.type === 'string' ? snapshot.type : t('admin.audit.defaultSet') };
    }
    // Settings are recorded one per entry as `{<setting>: value}`.
    const keys = Object.keys(snapshot);
    if (keys.length === 1) return { kind, name: t(`admin.audit.key.${keys[0]}`, { defaultValue: keys[0] }) };
    return { kind, name: entry.entityId !== null ? `#${entry.entityId}` : '' };
  };
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const entityLabel = useEntityLabel();
  const [open, setOpen] = useState(false);
  const { kind, name } = entityLabel(entry);
  const action = entry.action.split('.').pop() ?? entry.action;
  const toggle = () => setOpen((value) => !value);
  return (
    <Fragment>
      <Table.Tr className="fd-clickable-row" onClick={toggle} data-testid="audit-row">
        <Table.Td w={44}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={open}
            aria-label={open ? t('admin.audit.hideChanges') : t('admin.audit.showChanges')}
            onClick={(event) => {
              event.stopPropagation();
              toggle();
            }}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" title={formatDateTime(entry.at)} style={{ whiteSpace: 'nowrap' }}>
            {formatRelative(entry.at)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={actorName(entry) ? undefined : 'dimmed'}>
            {actorName(entry) ?? t('admin.audit.system')}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {kind}
            </Text>{' '}
            <Text span fw={500} size="sm">
              {name}
            </Text>
          </Text>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={ACTION_COLORS[action] ?? 'gray'}>
            {t(`admin.audit.action.${action}`, { defaultValue: entry.action })}
          </Badge>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} p={0}>
            <Paper px="lg" py="md" pl={60} radius={0} bg="gray.0" data-testid="audit-changes">
              <AuditChanges before={entry.before} after={entry.after} />
            </Paper>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Who changed which role or field rule, and how; newest first, paged by cursor. */
export default function AuditPage() {
  const { t } = useTranslation();
  const log = useAuditLog();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('admin.audit.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('admin.audit.intro')}
      </Text>
      {log.error && <ErrorAlert error={log.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={t('admin.audit.title')} aria-busy={log.isPending}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44} />
                <Table.Th>{t('admin.audit.when')}</Table.Th>
                <Table.Th>{t('admin.audit.who')}</Table.Th>
                <Table.Th>{t('admin.audit.what')}</Table.Th>
                <Table.Th>{t('admin.audit.actionLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.isPending &&
                [0, 1, 2, 3, 4].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={COLUMNS}>
                      <Skeleton h={24} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!log.isPending && !log.error && entries.length === 0 && (
          <EmptyState
            icon={<IconHistory size={26} />}
            title={t('admin.audit.empty')}
            description={t('admin.audit.emptyHint')}
          />
        )}
        {log.hasNextPage && (
          <Group justify="center" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Paper>
    </>
  );
}

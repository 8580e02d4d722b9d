import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOverride } from '../../api/roles.ts';
import { formatDateTime } from '../../app/format.ts';
import { type AuditChange, diffSnapshots } from './audit-diff.ts';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Text size="sm" fw={600} w={180} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Group gap={6} style={{ minWidth: 0 }}>
        {children}
      </Group>
    </Group>
  );
}

/** Before → after of the changed keys of one audit entry, in words and colours. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = diffSnapshots(before, after);
  const access = (value: string | null) => (value ? t(`admin.rules.access.${value}`) : '—');
  const plain = (value: unknown) =>
    value === null || value === undefined || value === ''
      ? '—'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const override = (item: FieldOverride) =>
    [
      `${t(`field.${item.field}`, { defaultValue: item.field })}: ${access(item.access)}`,
      (item.types ?? []).map((type) => t(`type.${type}`)).join(', '),
      (item.statuses ?? []).map((status) => t(`status.${status}`)).join(', '),
    ]
      .filter(Boolean)
      .join(' · ');
  const permission = (name: string) => t(`permission.${name}.label`, { defaultValue: name });
  /**
   * One side of a value change. API token snapshots say "all of the user's permissions" and
   * "never expires" with null; both are fixed for a token's life, so only a created token's
   * new side can carry that null (the old side's null is "nothing before").
   */
  const shown = (key: string, value: unknown, side: 'from' | 'to') => {
    if (side === 'to' && value === null && key === 'scopes') return t('apiTokens.allOfUser');
    if (side === 'to' && value === null && key === 'expiresAt') return t('apiTokens.neverExpires');
    if (key === 'scopes' && Array.isArray(value)) return (value as string[]).map(permission).join(', ');
    if ((key === 'expiresAt' || key === 'revokedAt') && typeof value === 'string') return formatDateTime(value);
    return plain(value);
  };

  const render = (change: AuditChange, index: number) => {
    switch (change.kind) {
      case 'permissions':
        return (
          <Line key={index} label={t('admin.audit.permissions')}>
            {change.added.map((name) => (
              <Badge key={`+${name}`} color="green" variant="light" tt="none" title={name}>
                + {permission(name)}
              </Badge>
            ))}
            {change.removed.map((name) => (
              <Badge key={`-${name}`} color="red" variant="light" tt="none" title={name}>
                − {permission(name)}
              </Badge>
            ))}
          </Line>
        );
      case 'fieldDefault':
        return (
          <Line key={index} label={t(`field.${change.field}`, { defaultValue: change.field })}>
            <Text size="sm">{access(change.from)}</Text>
            <IconArrowRight size={14} aria-label={t('admin.audit.changedTo')} />
            <Text size="sm" fw={600}>
              {access(change.to)}
            </Text>
          </Line>
        );
      case 'overrideAdded':
      case 'overrideRemoved': {
        const added = change.kind === 'overrideAdded';
        return (
          <Line key={index} label={added ? t('admin.audit.overrideAdded') : t('admin.audit.overrideRemoved')}>
            <Badge color={added ? 'green' : 'red'} variant="light" tt="none">
              {added ? '+' : '−'} {override(change.override)}
            </Badge>
          </Line>
        );
      }
      case 'value':
        return (
          <Line key={index} label={t(`admin.audit.key.${change.key}`, { defaultValue: change.key })}>
            <Text size="sm">{shown(change.key, change.from, 'from')}</Text>
            <IconArrowRight size={14} aria-label={t('admin.audit.changedTo')} />
            <Text size="sm" fw={600}>
              {shown(change.key, change.to, 'to')}
            </Text>
          </Line>
        );
    }
  };

  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.audit.noChanges')}
      </Text>
    );
  }
  return <Stack gap="xs">{changes.map(render)}</Stack>;
}

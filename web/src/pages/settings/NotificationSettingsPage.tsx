import { ActionIcon, Group, Paper, Skeleton, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, type RecipientRole } from '../../../../common/notifications.ts';
import {
  fetchMySettings,
  notifyKeys,
  type SettingItem,
  type SettingsChange,
  type SettingsContext,
  saveMySettings,
} from '../../api/notifications.ts';
import { useNotifyNames } from '../../app/notify-names.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EventCell } from '../admin/notifications/EventCell.tsx';
import { FieldErrors } from '../admin/notifications/FieldErrors.tsx';
import { ContextFilters } from './ContextFilters.tsx';
import { OwnScopes } from './OwnScopes.tsx';

/**
 * A person's own notification settings (cascade level 3): for each of their roles, event and
 * channel, what the administrator's settings give them and from where, and a switch to choose
 * otherwise where the administrator allows it.
 */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const [context, setContext] = useState<SettingsContext>({
    ticketType: null,
    serviceId: null,
    categoryId: null,
    statusTo: null,
  });
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: notifyKeys.mine(context), queryFn: () => fetchMySettings(context) });
  const save = useMutation({
    mutationFn: (change: SettingsChange) => saveMySettings(context, [change]),
    onSuccess: (answer) => {
      queryClient.setQueryData(notifyKeys.mine(context), answer);
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'mine'] });
      notifications.show({ color: 'green', message: t('notify.me.saved') });
    },
  });
  const data = settings.data;

  return (
    <Stack gap="md" maw={920}>
      <div>
        <Title order={1} size="h3" mb="xs">
          {t('notify.me.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notify.me.intro')}
        </Text>
      </div>
      <ContextFilters context={context} onChange={setContext} />
      {data && (
        <OwnScopes
          scopes={data.overrideScopes}
          context={context}
          onPick={(scope) => setContext({ ...context, ...scope })}
        />
      )}
      {settings.error && <ErrorAlert error={settings.error} />}
      {save.error && <FieldErrors error={save.error} title={t('notify.notSaved')} onClose={() => save.reset()} />}
      {settings.isPending && <Skeleton h={320} />}
      {data?.roles.map((role) => (
        <RoleSection key={role} role={role} items={data.items} busy={save.isPending} onChange={(c) => save.mutate(c)} />
      ))}
    </Stack>
  );
}

interface RoleSectionProps {
  role: RecipientRole;
  items: SettingItem[];
  busy: boolean;
  onChange: (change: SettingsChange) => void;
}

/** One role's events: only those the administrator configured for it (the rest are never sent). */
function RoleSection({ role, items, busy, onChange }: RoleSectionProps) {
  const { t } = useTranslation();
  const names = useNotifyNames();
  const mine = items.filter((i) => i.recipientRole === role);
  const events = NOTIFICATION_EVENTS.filter((event) =>
    mine.some((i) => i.event === event && (i.inherited.source !== null || i.override !== null)),
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5">
        {t('notify.me.asRole', { role: names.role(role) })}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t(`notify.roleHints.${role}`)}
      </Text>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notify.me.nothing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notify.matrix.event')}</Table.Th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <Table.Th key={channel} w={250}>
                    {names.channel(channel)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <Table.Tr key={event}>
                  <EventCell event={event} />
                  {NOTIFICATION_CHANNELS.map((channel) => {
                    const item = mine.find((i) => i.event === event && i.channel === channel);
                    return (
                      <Table.Td key={channel}>
                        {item && <SettingCell item={item} busy={busy} onChange={onChange} />}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** A switch for what the person gets, with the inherited value and its source beneath. */
function SettingCell({
  item,
  busy,
  onChange,
}: {
  item: SettingItem;
  busy: boolean;
  onChange: (c: SettingsChange) => void;
}) {
  const { t } = useTranslation();
  const names = useNotifyNames();
  const { event, recipientRole, channel } = item;
  const source = item.inherited.source;
  const inherited = source
    ? t(item.inherited.send ? 'notify.me.inheritedOn' : 'notify.me.inheritedOff', {
        source: names.scope(source, { personal: true }),
      })
    : t('notify.me.notConfigured');
  const label = `${names.event(event)}, ${names.channel(channel)} (${names.role(recipientRole)})`;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Switch
          aria-label={label}
          checked={item.send}
          disabled={!item.userOverridable || busy}
          onChange={(e) => {
            const want = e.currentTarget.checked;
            // Back to the inherited value = no override at all, so later admin changes reach this person.
            onChange({ event, recipientRole, channel, enabled: want === item.inherited.send ? null : want });
          }}
        />
        {!item.userOverridable && (
          <Tooltip label={t('notify.me.locked')} withinPortal>
            <IconLock size={14} aria-label={t('notify.me.locked')} color="var(--mantine-color-dimmed)" />
          </Tooltip>
        )}
        {/* Dropping an override is always allowed, even one the administrator has since locked. */}
        {item.override && (
          <Tooltip label={t('notify.me.reset')} withinPortal>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={`${t('notify.me.reset')}: ${label}`}
              disabled={busy}
              onClick={() => onChange({ event, recipientRole, channel, enabled: null })}
            >
              <IconArrowBackUp size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Text size="xs" c="dimmed" lh={1.3}>
        {item.override && item.userOverridable ? `${t('notify.me.yourChoice')} · ${inherited}` : inherited}
      </Text>
    </Stack>
  );
}

import { Button, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  eventTakesStatusFilter,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  RECIPIENT_ROLES,
  type RecipientRole,
} from '../../../../../common/notifications.ts';
import { type ExplainInput, explainNotification } from '../../../api/notifications.ts';
import { useNotifyNames } from '../../../app/notify-names.ts';
import { useCatalog } from '../../../app/queries.ts';
import { UserSelect } from '../../../components/UserSelect.tsx';
import { ExplainResult } from './ExplainResult.tsx';
import { FieldErrors } from './FieldErrors.tsx';

const NONE = '*';

interface Form {
  userId: number | null;
  roles: RecipientRole[];
  event: NotificationEvent;
  channel: NotificationChannel;
  source: 'number' | 'describe';
  ticketNumber: number | null;
  type: string | null;
  serviceId: number | null;
  categoryId: number | null;
  statusTo: string | null;
}

const INITIAL: Form = {
  userId: null,
  roles: ['owner'],
  event: 'ticket.resolved',
  channel: 'email',
  source: 'describe',
  ticketNumber: null,
  type: null,
  serviceId: null,
  categoryId: null,
  statusTo: null,
};

function toInput(form: Form): ExplainInput {
  const statusTo = eventTakesStatusFilter(form.event) ? form.statusTo : null;
  const base = { event: form.event, userId: form.userId ?? 0, roles: form.roles, channel: form.channel };
  if (form.source === 'number') return { ...base, ticketNumber: form.ticketNumber ?? 0, statusTo };
  return { ...base, ticket: { type: form.type, serviceId: form.serviceId, categoryId: form.categoryId, statusTo } };
}

/** "Would this person get this notification, and which setting decided?" for an admin. */
export function ExplainTab() {
  const { t } = useTranslation();
  const names = useNotifyNames();
  const catalog = useCatalog().data;
  const [form, setForm] = useState<Form>(INITIAL);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const ask = useMutation({ mutationFn: explainNotification });
  const types = catalog?.typeDefs?.map((d) => d.key) ?? catalog?.types ?? [];
  const statuses = catalog?.statusDefs?.map((d) => d.key) ?? catalog?.statuses ?? [];
  const optional = (label: string) => [{ value: NONE, label }];
  const ready =
    form.userId !== null && form.roles.length > 0 && (form.source === 'describe' || form.ticketNumber !== null);

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) ask.mutate(toInput(form));
          }}
        >
          <Stack gap="sm">
            <Group align="flex-start" grow wrap="wrap">
              <UserSelect
                label={t('notify.explain.user')}
                required
                value={form.userId}
                onChange={(userId) => set({ userId })}
              />
              <MultiSelect
                label={t('notify.explain.roles')}
                description={t('notify.explain.rolesHint')}
                data={RECIPIENT_ROLES.map((role) => ({ value: role, label: names.role(role) }))}
                value={form.roles}
                onChange={(roles) => set({ roles: roles as RecipientRole[] })}
                searchable
              />
            </Group>
            <Group align="flex-end" grow wrap="wrap">
              <Select
                label={t('notify.explain.event')}
                data={NOTIFICATION_EVENTS.map((event) => ({ value: event, label: names.event(event) }))}
                value={form.event}
                onChange={(event) => event && set({ event: event as NotificationEvent })}
                allowDeselect={false}
                searchable
              />
              <Stack gap={4}>
                <SegmentedControl
                  aria-label={t('notify.explain.channel')}
                  value={form.channel}
                  onChange={(channel) => set({ channel: channel as NotificationChannel })}
                  data={NOTIFICATION_CHANNELS.map((channel) => ({ value: channel, label: names.channel(channel) }))}
                />
              </Stack>
            </Group>
            <SegmentedControl
              aria-label={t('notify.explain.ticket')}
              value={form.source}
              onChange={(source) => set({ source: source as Form['source'] })}
              data={[
                { value: 'describe', label: t('notify.explain.describe') },
                { value: 'number', label: t('notify.explain.byNumber') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            <Group align="flex-end" grow wrap="wrap">
              {form.source === 'number' ? (
                <NumberInput
                  label={t('notify.explain.ticketNumber')}
                  value={form.ticketNumber ?? ''}
                  onChange={(value) => set({ ticketNumber: typeof value === 'number' ? value : null })}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  required
                />
              ) : (
                <>
                  <Select
                    label={t('notify.explain.type')}
                    data={[
                      ...optional(t('notify.scope.allTypes')),
                      ...types.map((k) => ({ value: k, label: names.type(k) })),
                    ]}
                    value={form.type ?? NONE}
                    onChange={(v) => set({ type: v && v !== NONE ? v : null })}
                    allowDeselect={false}
                  />
                  <Select
                    label={t('notify.explain.service')}
                    data={[
                      ...optional(t('notify.explain.noService')),
                      ...(catalog?.services ?? []).map((s) => ({ value: String(s.id), label: s.name })),
                    ]}
                    value={form.serviceId === null ? NONE : String(form.serviceId)}
                    onChange={(v) => set({ serviceId: v && v !== NONE ? Number(v) : null })}
                    allowDeselect={false}
                    searchable
                  />
                  <Select
                    label={t('notify.explain.category')}
                    data={[
                      ...optional(t('notify.explain.noCategory')),
                      ...(catalog?.categories ?? []).map((c) => ({ value: String(c.id), label: c.name })),
                    ]}
                    value={form.categoryId === null ? NONE : String(form.categoryId)}
                    onChange={(v) => set({ categoryId: v && v !== NONE ? Number(v) : null })}
                    allowDeselect={false}
                    searchable
                  />
                </>
              )}
              {eventTakesStatusFilter(form.event) && (
                <Select
                  label={t('notify.explain.statusTo')}
                  data={[
                    ...optional(t('notify.scope.anyStatus')),
                    ...statuses.map((k) => ({ value: k, label: names.status(k) })),
                  ]}
                  value={form.statusTo ?? NONE}
                  onChange={(v) => set({ statusTo: v && v !== NONE ? v : null })}
                  allowDeselect={false}
                />
              )}
            </Group>
            <Group justify="flex-end">
              <Button
                type="submit"
                leftSection={<IconHelpCircle size={16} />}
                loading={ask.isPending}
                disabled={!ready}
              >
                {t('notify.explain.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {ask.error && <FieldErrors error={ask.error} />}
      {ask.data && !ask.error && <ExplainResult answer={ask.data} />}
    </Stack>
  );
}

import { Alert, Button, Divider, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconUserCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { type Ticket, type UpdateTicketInput, updateTicket } from '../../api/tickets.ts';
import { formatDateTime } from '../../app/format.ts';
import { useCatalog, useTicketCacheUpdate } from '../../app/queries.ts';
import { useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAgents } from './useAgents.ts';

/** The classification fields of the card, in the order a dispatcher works through them. */
const PANEL_FIELDS = ['type', 'priority', 'categoryId', 'serviceId', 'groupId', 'ownerId'] as const;
type PanelField = (typeof PANEL_FIELDS)[number];
const ID_FIELDS = new Set<PanelField>(['categoryId', 'serviceId', 'groupId', 'ownerId']);

interface Option {
  value: string;
  label: string;
}

/** A field the actor may read but not change: its label and value as text. */
export function ReadOnlyValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" c={value ? undefined : 'dimmed'}>
        {value || '—'}
      </Text>
    </div>
  );
}

/**
 * Side panel of the agent ticket view. Each field follows the actor's field rules: a select when
 * `write`, plain text when `read`, nothing when the server left the field out.
 */
export function TicketFieldsPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const catalog = useCatalog().data;
  const canWriteOwner = ticket.abilities.fields.ownerId === 'write' && 'ownerId' in ticket;
  const agents = useAgents(canWriteOwner);
  const updateCache = useTicketCacheUpdate();
  const save = useMutation({
    mutationFn: (input: UpdateTicketInput) => updateTicket(ticket.id, input),
    onSuccess: (updated) => {
      updateCache(updated);
      notifications.show({ color: 'green', message: t('agent.saved') });
    },
  });
  const refused = isApiError(save.error) && save.error.code === 'field_forbidden' ? save.error.fields : [];

  const optionsFor = (field: PanelField): Option[] => {
    switch (field) {
      case 'type':
        return (catalog?.types ?? []).map((v) => ({ value: v, label: t(`type.${v}`) }));
      case 'priority':
        return (catalog?.priorities ?? []).map((v) => ({ value: v, label: t(`priority.${v}`) }));
      case 'categoryId':
        return (catalog?.categories ?? []).map((c) => ({ value: String(c.id), label: c.name }));
      case 'serviceId':
        return (catalog?.services ?? []).map((s) => ({ value: String(s.id), label: s.name }));
      case 'groupId':
        return (catalog?.groups ?? []).map((g) => ({ value: String(g.id), label: g.name }));
      case 'ownerId': {
        const options = (agents.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
        const owner = ticket.owner;
        // The current owner may be a manager or admin who is not in the agent lists.
        if (owner && !options.some((o) => o.value === String(owner.id))) {
          options.unshift({ value: String(owner.id), label: owner.name });
        }
        return options;
      }
    }
  };

  const currentValue = (field: PanelField): string | null => {
    const value = ticket[field];
    return value === null || value === undefined ? null : String(value);
  };

  const labelOf = (field: PanelField): string => {
    const value = currentValue(field);
    if (value === null) return '';
    if (field === 'ownerId') return ticket.owner?.name ?? value;
    return optionsFor(field).find((o) => o.value === value)?.label ?? value;
  };

  const change = (field: PanelField, value: string | null) => {
    if (value === currentValue(field)) return;
    const parsed = ID_FIELDS.has(field) ? (value === null ? null : Number(value)) : value;
    save.mutate({ [field]: parsed } as UpdateTicketInput);
  };

  return (
    <Paper withBorder p="md" component="aside" aria-label={t('agent.details')}>
      <Stack gap="sm">
        <Text fw={600}>{t('agent.details')}</Text>
        {refused.length > 0 ? (
          <Alert color="red" icon={<IconLock size={16} />} title={t('errors.title')}>
            {t('errors.field_forbidden', {
              fields: refused.map((f) => t(`field.${f}`, { defaultValue: f })).join(', '),
            })}
          </Alert>
        ) : (
          save.error && <ErrorAlert error={save.error} />
        )}
        {PANEL_FIELDS.filter((field) => field in ticket).map((field) => {
          const access = ticket.abilities.fields[field];
          const label = t(`field.${field}`);
          if (access !== 'write') return <ReadOnlyValue key={field} label={label} value={labelOf(field)} />;
          return (
            <Select
              key={field}
              label={label}
              data={optionsFor(field)}
              value={currentValue(field)}
              onChange={(value) => change(field, value)}
              clearable={ID_FIELDS.has(field)}
              allowDeselect={false}
              searchable={field !== 'type' && field !== 'priority'}
              placeholder={t('agent.notSet')}
              disabled={save.isPending}
              error={refused.includes(field) ? t('errors.notAllowed') : undefined}
              nothingFoundMessage={t('agent.nothingFound')}
            />
          );
        })}
        {canWriteOwner && me && ticket.ownerId !== me.user.id && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconUserCheck size={14} />}
            onClick={() => save.mutate({ ownerId: me.user.id })}
            loading={save.isPending}
          >
            {t('agent.assignToMe')}
          </Button>
        )}
        <Divider my={4} />
        {ticket.requester && (
          <ReadOnlyValue
            label={t('field.requesterId')}
            value={`${ticket.requester.name} <${ticket.requester.email}>`}
          />
        )}
        {ticket.channel && <ReadOnlyValue label={t('field.channel')} value={t(`channel.${ticket.channel}`)} />}
        <ReadOnlyValue label={t('field.createdAt')} value={formatDateTime(ticket.createdAt)} />
        <ReadOnlyValue label={t('field.updatedAt')} value={formatDateTime(ticket.updatedAt)} />
      </Stack>
    </Paper>
  );
}

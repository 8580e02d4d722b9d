import { Button, Group, Loader, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPhonePlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { createTicket } from '../../api/tickets.ts';
import { listUsers } from '../../api/users.ts';
import { textToHtml } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface PhoneCallValues {
  requesterId: string | null;
  subject: string;
  notes: string;
}

/** Picks a customer by typing part of a name or e-mail; the server does the matching. */
function CustomerPicker(props: { value: string | null; onChange: (value: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<{ value: string; label: string } | null>(null);
  // After a pick the search box shows the chosen label; that is not a new search.
  const term = selected && search === selected.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const customers = useQuery({
    queryKey: queryKeys.userList({ role: 'customer', q: debounced, limit: 20 }),
    queryFn: () => listUsers({ role: 'customer', q: debounced || undefined, limit: 20 }),
    placeholderData: (previous) => previous,
  });
  const found = (customers.data?.items ?? []).map((user) => ({
    value: String(user.id),
    label: `${user.name} <${user.email}>`,
  }));
  // Keep the chosen customer among the options so its label still shows after the list changes.
  const options = selected && !found.some((o) => o.value === selected.value) ? [selected, ...found] : found;
  return (
    <Select
      label={t('agent.customer')}
      placeholder={t('agent.customerPlaceholder')}
      required
      searchable
      data={options}
      value={props.value}
      onChange={(value, option) => {
        setSelected(value && option ? { value, label: option.label } : null);
        props.onChange(value);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; filtering again would hide matches on e-mail.
      filter={({ options: all }) => all}
      nothingFoundMessage={customers.isFetching ? t('common.loading') : t('agent.noCustomers')}
      rightSection={customers.isFetching ? <Loader size={14} /> : undefined}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function LogPhoneCallForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PhoneCallValues>({
    initialValues: { requesterId: null, subject: '', notes: '' },
    validate: {
      requesterId: (value) => (value ? null : t('common.required')),
      subject: (value) => (value.trim() ? null : t('common.required')),
      notes: (value) => (value.trim() ? null : t('common.required')),
    },
  });
  const create = useMutation({
    mutationFn: (values: PhoneCallValues) =>
      createTicket({
        channel: 'phone',
        requesterId: Number(values.requesterId),
        subject: values.subject.trim(),
        body: textToHtml(values.notes),
      }),
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets });
      notifications.show({ color: 'green', message: t('agent.callLogged', { number: ticket.number }) });
      onDone();
      void navigate(`/agent/tickets/${ticket.id}`);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        {create.error && <ErrorAlert error={create.error} />}
        <CustomerPicker
          value={form.values.requesterId}
          onChange={(value) => form.setFieldValue('requesterId', value)}
          error={typeof form.errors.requesterId === 'string' ? form.errors.requesterId : undefined}
        />
        <TextInput label={t('field.subject')} required {...form.getInputProps('subject')} />
        <Textarea
          label={t('agent.callNotes')}
          required
          autosize
          minRows={4}
          maxRows={12}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('agent.createTicket')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Log phone call": a ticket on behalf of a customer who called in. */
export function LogPhoneCallButton() {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPhonePlus size={16} />} onClick={modal.open}>
        {t('agent.logPhoneCall')}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('agent.logPhoneCall')} size="lg">
        {opened && <LogPhoneCallForm onDone={modal.close} />}
      </Modal>
    </>
  );
}

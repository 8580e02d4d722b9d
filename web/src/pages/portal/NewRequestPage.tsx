import { Anchor, Button, Container, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TICKET_TYPES, type TicketType } from '../../../../common/domain.ts';
import { uploadAttachments } from '../../api/attachments.ts';
import type { CustomValue } from '../../api/customfields.ts';
import { queryKeys } from '../../api/keys.ts';
import { createTicket } from '../../api/tickets.ts';
import { isEmptyValue } from '../../app/custom-field-values.ts';
import { useCustomFields } from '../../app/custom-fields.ts';
import { textToHtml } from '../../app/format.ts';
import { useCatalog } from '../../app/queries.ts';
import { AttachmentPicker } from '../../components/AttachmentPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KbSuggestions } from '../kb/KbSuggestions.tsx';
import { customValuesToSend, isRequiredFor, PortalCustomFields, startValue } from './PortalCustomFields.tsx';

interface NewRequestValues {
  subject: string;
  description: string;
  type: TicketType | null;
  categoryId: string | null;
}

export default function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const [files, setFiles] = useState<File[]>([]);
  const fields = (useCustomFields().data ?? []).filter((field) => field.active && field.portalVisible);
  const [custom, setCustom] = useState<Record<string, CustomValue>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());

  const form = useForm<NewRequestValues>({
    initialValues: { subject: '', description: '', type: 'incident', categoryId: null },
    validate: {
      subject: (value) => (value.trim() ? null : t('common.required')),
      description: (value) => (value.trim() ? null : t('common.required')),
    },
  });

  const submit = useMutation({
    mutationFn: async (values: NewRequestValues) => {
      const attachmentIds = files.length > 0 ? (await uploadAttachments(files)).items.map((a) => a.id) : undefined;
      return createTicket({
        subject: values.subject.trim(),
        body: textToHtml(values.description),
        type: values.type ?? undefined,
        categoryId: values.categoryId ? Number(values.categoryId) : undefined,
        attachmentIds,
        customFields: customValuesToSend(fields, custom),
      });
    },
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets });
      notifications.show({ color: 'green', message: t('portal.created', { number: ticket.number }) });
      void navigate(`/portal/tickets/${ticket.id}`);
    },
  });

  // Fields required for the chosen type must be filled before the request can be sent.
  const send = (values: NewRequestValues) => {
    const empty = fields.filter((f) => isRequiredFor(f, values.type) && isEmptyValue(startValue(f, custom)));
    setMissing(new Set(empty.map((f) => f.key)));
    if (empty.length === 0) submit.mutate(values);
  };
  const types = catalog.data?.types ?? TICKET_TYPES;
  return (
    <Container size="sm" px={0}>
      <Anchor component={Link} to="/portal" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('portal.backToList')}
        </Group>
      </Anchor>
      <Title order={1} size="h2" mt="xs" mb="lg">
        {t('portal.newRequest')}
      </Title>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={form.onSubmit(send)} noValidate>
          <Stack>
            {submit.error && <ErrorAlert error={submit.error} />}
            {catalog.error && <ErrorAlert error={catalog.error} />}
            <TextInput label={t('field.subject')} required maxLength={200} {...form.getInputProps('subject')} />
            <Textarea
              label={t('portal.description')}
              description={t('portal.descriptionHint')}
              required
              autosize
              minRows={5}
              maxRows={16}
              {...form.getInputProps('description')}
            />
            <KbSuggestions text={`${form.values.subject} ${form.values.description}`} />
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('field.type')}
                data={types.map((type) => ({ value: type, label: t(`type.${type}`) }))}
                allowDeselect={false}
                miw={200}
                {...form.getInputProps('type')}
              />
              <Select
                label={t('field.categoryId')}
                placeholder={t('portal.categoryPlaceholder')}
                data={(catalog.data?.categories ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
                clearable
                searchable
                miw={200}
                {...form.getInputProps('categoryId')}
              />
            </Group>
            <PortalCustomFields
              fields={fields}
              values={custom}
              type={form.values.type}
              missing={missing}
              error={submit.error}
              onChange={(key, value) => {
                setCustom((old) => ({ ...old, [key]: value }));
                setMissing((old) => new Set([...old].filter((k) => k !== key)));
              }}
            />
            <AttachmentPicker files={files} onChange={setFiles} disabled={submit.isPending} />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to="/portal">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={submit.isPending}>
                {t('portal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}

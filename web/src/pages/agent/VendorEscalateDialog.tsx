import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client.ts';
import type { Ticket } from '../../api/tickets.ts';
import { useEscalateVendor } from '../../app/queries.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface VendorChoice {
  id: number;
  name: string;
  active: boolean;
}

/** Hands the ticket to an outside vendor: which vendor, their ticket number, and why. */
export function VendorEscalateDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const vendors = useQuery({
    queryKey: ['vendors', 'choices'],
    queryFn: () => apiRequest<VendorChoice[]>('/vendors'),
  });
  const escalate = useEscalateVendor(ticket.id);
  const [vendorId, setVendorId] = useState<string | null>(ticket.vendor ? String(ticket.vendor.id) : null);
  const [reference, setReference] = useState(ticket.vendor?.reference ?? '');
  const [reason, setReason] = useState('');
  const ready = vendorId !== null && reason.trim() !== '';
  const submit = () =>
    escalate.mutate(
      { vendorId: Number(vendorId), reason: reason.trim(), ...(reference.trim() && { reference: reference.trim() }) },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t('escalation.vendorDone', { vendor: updated.vendor?.name ?? '' }),
          });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('escalation.vendorTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) submit();
        }}
      >
        <Stack>
          {(escalate.error || vendors.error) && <ErrorAlert error={escalate.error ?? vendors.error} />}
          <Select
            label={t('escalation.vendorName')}
            placeholder={t('escalation.chooseVendor')}
            data={(vendors.data ?? []).filter((v) => v.active).map((v) => ({ value: String(v.id), label: v.name }))}
            value={vendorId}
            onChange={setVendorId}
            searchable
            required
            nothingFoundMessage={t('escalation.noVendors')}
          />
          <TextInput
            label={t('escalation.reference')}
            description={t('escalation.referenceHint')}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            maxLength={200}
          />
          <Textarea
            label={t('escalation.reason')}
            description={t('escalation.reasonHint')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="grape" loading={escalate.isPending} disabled={!ready}>
              {t('escalation.vendorSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

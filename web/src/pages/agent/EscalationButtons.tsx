import { Button } from '@mantine/core';
import { IconBuildingFactory2, IconStairsUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets.ts';
import { EscalateDialog } from './EscalateDialog.tsx';
import { VendorEscalateDialog } from './VendorEscalateDialog.tsx';

/** "Escalate" and "Escalate to vendor", as the ticket's abilities allow. */
export function EscalationButtons({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'group' | 'vendor' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      {ticket.abilities.escalate && (
        <Button
          size="sm"
          variant="light"
          color="grape"
          leftSection={<IconStairsUp size={16} />}
          onClick={() => setOpen('group')}
        >
          {t('escalation.button')}
        </Button>
      )}
      {ticket.abilities.escalateVendor && (
        <Button
          size="sm"
          variant="light"
          color="grape"
          leftSection={<IconBuildingFactory2 size={16} />}
          onClick={() => setOpen('vendor')}
        >
          {t('escalation.vendorButton')}
        </Button>
      )}
      {open === 'group' && <EscalateDialog ticket={ticket} onClose={close} />}
      {open === 'vendor' && <VendorEscalateDialog ticket={ticket} onClose={close} />}
    </>
  );
}

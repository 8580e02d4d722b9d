import { Button } from '@mantine/core';
import { IconBookUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { kbArticleFromTicket } from '../../api/kb.ts';
import type { Ticket } from '../../api/tickets.ts';
import { useCatalog } from '../../app/queries.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** On a resolved or closed ticket: a draft article from its public description and solution. */
export function ArticleFromTicketButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const statusDefs = useCatalog().data?.statusDefs;
  const category = statusDefs?.find((s) => s.key === ticket.status)?.category ?? ticket.status;
  const create = useMutation({
    mutationFn: () => kbArticleFromTicket(ticket.id),
    onSuccess: (article) => void navigate(`/agent/kb/${article.id}`),
  });
  if (!hasPermission(me, 'kb.edit') || (category !== 'resolved' && category !== 'closed')) return null;
  return (
    <>
      {create.error && <ErrorAlert error={create.error} />}
      <Button
        variant="light"
        leftSection={<IconBookUpload size={16} />}
        onClick={() => create.mutate()}
        loading={create.isPending}
      >
        {t('kb.fromTicket')}
      </Button>
    </>
  );
}

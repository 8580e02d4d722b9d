import { useForm } from '@mantine/form';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listMailAccounts, listMailReceipts, listOutboundMail, mailKeys } from '../../../api/mail.ts';
import { nextBefore } from '../../../app/mail-labels.ts';
import { type MailAccountValues, mailAccountProblems } from './mail-account-form.ts';

/** Entries per page of the mail logs. */
export const MAIL_LOG_PAGE = 50;

export function useMailAccounts() {
  return useQuery({ queryKey: mailKeys.accounts, queryFn: listMailAccounts });
}

/** The inbound log, newest first; `fetchNextPage` is "Load more". `status` '' = all. */
export function useMailReceipts(status: string) {
  return useInfiniteQuery({
    queryKey: mailKeys.receipts(status),
    queryFn: ({ pageParam, signal }) => listMailReceipts({ status, before: pageParam, limit: MAIL_LOG_PAGE }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => nextBefore(last.items, MAIL_LOG_PAGE),
    // Switching the filter keeps the old rows and counts on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The outgoing log (and dev mailbox), newest first. `status` '' = all. */
export function useOutboundMail(status: string) {
  return useInfiniteQuery({
    queryKey: mailKeys.outbound(status),
    queryFn: ({ pageParam, signal }) => listOutboundMail({ status, before: pageParam, limit: MAIL_LOG_PAGE }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => nextBefore(last, MAIL_LOG_PAGE),
    placeholderData: keepPreviousData,
  });
}

/** After any mail change: accounts and logs are refetched, with the audit log that records it. */
export function useMailChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: mailKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** The account editor's form, checked as the server would before it is sent. */
export function useMailAccountForm(initialValues: MailAccountValues, hasStoredPassword: boolean) {
  const { t } = useTranslation();
  return useForm<MailAccountValues>({
    initialValues,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(mailAccountProblems(values, hasStoredPassword)).map(([field, key]) => [field, t(key)]),
      ),
  });
}

export type MailAccountForm = ReturnType<typeof useMailAccountForm>;

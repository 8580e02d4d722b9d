import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type MailAccount, pollMailAccount, testMailAccount } from '../../../api/mail.ts';
import { useErrorMessage } from '../../../components/ErrorAlert.tsx';
import { useMailChanged } from './useMailAdmin.ts';

/**
 * "Test connection" and "Fetch now" on an IMAP account. Each shows a waiting notification that
 * turns into the result: how many messages the folder holds, or what was fetched, or the error.
 */
export function useAccountActions() {
  const { t } = useTranslation();
  const changed = useMailChanged();
  const errorMessage = useErrorMessage();
  const pending = (id: string, message: string) =>
    notifications.show({ id, loading: true, message, autoClose: false, withCloseButton: false });
  const failed = (id: string, title: string, message: string) =>
    notifications.update({ id, loading: false, color: 'red', title, message, autoClose: 8000, withCloseButton: true });
  const done = (id: string, message: string) =>
    notifications.update({ id, loading: false, color: 'green', message, autoClose: 5000, withCloseButton: true });

  const test = useMutation({
    mutationFn: (account: MailAccount) => testMailAccount(account.id),
    onMutate: (account) => pending(`mail-test-${account.id}`, t('mailAdmin.accounts.testing', { name: account.name })),
    onSuccess: (result, account) => {
      const id = `mail-test-${account.id}`;
      if (result.ok) {
        done(id, t('mailAdmin.accounts.testOk', { name: account.name, count: result.messages ?? 0 }));
      } else {
        failed(id, t('mailAdmin.accounts.testFailed', { name: account.name }), result.error ?? t('errors.unknown'));
      }
    },
    onError: (error, account) =>
      failed(
        `mail-test-${account.id}`,
        t('mailAdmin.accounts.testFailed', { name: account.name }),
        errorMessage(error),
      ),
  });

  const poll = useMutation({
    mutationFn: (account: MailAccount) => pollMailAccount(account.id),
    onMutate: (account) => pending(`mail-poll-${account.id}`, t('mailAdmin.accounts.polling', { name: account.name })),
    onSuccess: (result, account) => {
      changed();
      const id = `mail-poll-${account.id}`;
      const title = t('mailAdmin.accounts.pollFailed', { name: account.name });
      if (result.error) failed(id, title, result.error);
      else if (result.failed > 0)
        failed(id, title, t('mailAdmin.accounts.pollPartly', { fetched: result.fetched, failed: result.failed }));
      else done(id, t('mailAdmin.accounts.polled', { name: account.name, count: result.fetched }));
    },
    onError: (error, account) => {
      changed();
      failed(
        `mail-poll-${account.id}`,
        t('mailAdmin.accounts.pollFailed', { name: account.name }),
        errorMessage(error),
      );
    },
  });

  return { test: (account: MailAccount) => test.mutate(account), poll: (account: MailAccount) => poll.mutate(account) };
}

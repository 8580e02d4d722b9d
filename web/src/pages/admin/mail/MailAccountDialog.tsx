import { Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import {
  createMailAccount,
  MAIL_ACCOUNT_KINDS,
  type MailAccount,
  type MailAccountKind,
  updateMailAccount,
} from '../../../api/mail.ts';
import { useCatalog } from '../../../app/queries.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ImapFields } from './ImapFields.tsx';
import {
  MAIL_ACCOUNT_LIMITS,
  type MailAccountValues,
  mailAccountServerErrors,
  toMailAccountInput,
  toMailAccountValues,
} from './mail-account-form.ts';
import { useMailAccountForm, useMailChanged } from './useMailAdmin.ts';

/** What the account dialog does: add an account, or edit one. */
export type MailAccountDialogTarget = { mode: 'create' } | { mode: 'edit'; account: MailAccount };

function MailAccountFormBody({ account, onDone }: { account: MailAccount | null; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useMailChanged();
  const catalog = useCatalog().data;
  const hasStoredPassword = account?.hasPassword ?? false;
  const form = useMailAccountForm(toMailAccountValues(account), hasStoredPassword);
  const serverErrors = (error: unknown): Record<string, string> =>
    isApiError(error)
      ? Object.fromEntries(Object.entries(mailAccountServerErrors(error)).map(([field, key]) => [field, t(key)]))
      : {};
  const save = useMutation({
    mutationFn: (values: MailAccountValues) => {
      const input = toMailAccountInput(values);
      return account ? updateMailAccount(account.id, input) : createMailAccount(input);
    },
    onSuccess: (saved) => {
      changed();
      notifications.show({
        color: 'green',
        message: t(account ? 'mailAdmin.accounts.saved' : 'mailAdmin.accounts.created', { name: saved.name }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverErrors(error)),
  });
  const onField = Object.keys(serverErrors(save.error)).length > 0;
  const options = (items: { id: number; name: string }[] | undefined) =>
    (items ?? []).map((item) => ({ value: String(item.id), label: item.name }));
  const pickerProps = { clearable: true, searchable: true, comboboxProps: { withinPortal: true } };

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.error && !onField && <ErrorAlert error={save.error} title={t('mailAdmin.accounts.notSaved')} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'end' }}>
          <TextInput
            label={t('mailAdmin.accounts.name')}
            description={t('mailAdmin.accounts.nameHint')}
            required
            data-autofocus
            maxLength={MAIL_ACCOUNT_LIMITS.name}
            {...form.getInputProps('name')}
          />
          <Select
            label={t('mailAdmin.accounts.kind')}
            description={t(`mailAdmin.kindHint.${form.values.kind}`)}
            data={MAIL_ACCOUNT_KINDS.map((kind: MailAccountKind) => ({
              value: kind,
              label: t(`mailAdmin.kind.${kind}`),
            }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <TextInput
          type="email"
          label={t('mailAdmin.accounts.address')}
          description={t('mailAdmin.accounts.addressHint')}
          placeholder="support@example.com"
          maxLength={MAIL_ACCOUNT_LIMITS.address}
          {...form.getInputProps('address')}
        />
        {form.values.kind === 'imap' && <ImapFields form={form} hasStoredPassword={hasStoredPassword} />}
        <Fieldset legend={t('mailAdmin.accounts.defaultsLegend')} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('mailAdmin.accounts.group')}
              placeholder={t('mailAdmin.accounts.none')}
              data={options(catalog?.groups)}
              {...pickerProps}
              {...form.getInputProps('groupId')}
            />
            <Select
              label={t('mailAdmin.accounts.category')}
              placeholder={t('mailAdmin.accounts.none')}
              data={options(catalog?.categories)}
              {...pickerProps}
              {...form.getInputProps('categoryId')}
            />
            <Select
              label={t('mailAdmin.accounts.service')}
              placeholder={t('mailAdmin.accounts.none')}
              data={options(catalog?.services)}
              {...pickerProps}
              {...form.getInputProps('serviceId')}
            />
          </SimpleGrid>
        </Fieldset>
        <Switch
          label={t('mailAdmin.accounts.active')}
          description={t('mailAdmin.accounts.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {account ? t('mailAdmin.save') : t('mailAdmin.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The mail account editor. */
export function MailAccountModal({ target, onClose }: { target: MailAccountDialogTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit'
      ? t('mailAdmin.accounts.editTitle', { name: target.account.name })
      : t('mailAdmin.accounts.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && (
        <MailAccountFormBody
          key={target.mode === 'edit' ? target.account.id : 'new'}
          account={target.mode === 'edit' ? target.account : null}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

import {
  Alert,
  Fieldset,
  Grid,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AFTER_IMPORT, TLS_MODES, type TlsMode } from '../../../api/mail.ts';
import { MAIL_ACCOUNT_LIMITS, portForTls } from './mail-account-form.ts';
import type { MailAccountForm } from './useMailAdmin.ts';

/** The IMAP mailbox settings: server, TLS, login, folder and what happens to fetched mail. */
export function ImapFields({ form, hasStoredPassword }: { form: MailAccountForm; hasStoredPassword: boolean }) {
  const { t } = useTranslation();
  const { tls, allowSelfSigned, afterImport } = form.values;

  const changeTls = (value: string | null) => {
    const next = TLS_MODES.find((mode) => mode === value);
    if (!next) return;
    form.setFieldValue('port', portForTls(form.values.port, tls, next));
    form.setFieldValue('tls', next);
  };

  return (
    <Fieldset legend={t('mailAdmin.accounts.imapLegend')} variant="filled">
      <Stack gap="sm">
        <Grid>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('mailAdmin.accounts.host')}
              placeholder="imap.example.com"
              required
              maxLength={MAIL_ACCOUNT_LIMITS.host}
              {...form.getInputProps('host')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={t('mailAdmin.accounts.port')}
              required
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('port')}
            />
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('mailAdmin.accounts.tls')}
            data={TLS_MODES.map((mode: TlsMode) => ({ value: mode, label: t(`mailAdmin.tls.${mode}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('tls')}
            onChange={changeTls}
          />
          <Switch
            mt={{ base: 0, sm: 'lg' }}
            label={t('mailAdmin.accounts.allowSelfSigned')}
            description={t('mailAdmin.accounts.allowSelfSignedHint')}
            disabled={tls === 'none'}
            {...form.getInputProps('allowSelfSigned', { type: 'checkbox' })}
          />
        </SimpleGrid>
        {tls === 'none' && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="tls-none-warning">
            {t('mailAdmin.accounts.tlsNoneWarning')}
          </Alert>
        )}
        {allowSelfSigned && tls !== 'none' && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            data-testid="self-signed-warning"
          >
            {t('mailAdmin.accounts.selfSignedWarning')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('mailAdmin.accounts.username')}
            autoComplete="off"
            required
            maxLength={MAIL_ACCOUNT_LIMITS.username}
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('mailAdmin.accounts.password')}
            placeholder={hasStoredPassword ? t('mailAdmin.accounts.passwordKeep') : undefined}
            autoComplete="new-password"
            required={!hasStoredPassword}
            maxLength={MAIL_ACCOUNT_LIMITS.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
            {...form.getInputProps('password')}
          />
          <TextInput
            label={t('mailAdmin.accounts.folder')}
            description={t('mailAdmin.accounts.folderHint')}
            required
            maxLength={MAIL_ACCOUNT_LIMITS.folder}
            {...form.getInputProps('folder')}
          />
          <Select
            label={t('mailAdmin.accounts.afterImport')}
            description={t('mailAdmin.accounts.afterImportHint')}
            data={AFTER_IMPORT.map((mode) => ({ value: mode, label: t(`mailAdmin.afterImport.${mode}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('afterImport')}
          />
        </SimpleGrid>
        {afterImport === 'move' && (
          <TextInput
            label={t('mailAdmin.accounts.moveTo')}
            placeholder={t('mailAdmin.accounts.moveToPlaceholder')}
            required
            maxLength={MAIL_ACCOUNT_LIMITS.folder}
            {...form.getInputProps('moveTo')}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

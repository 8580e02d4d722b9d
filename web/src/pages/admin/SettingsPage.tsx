import { Button, Divider, Group, NumberInput, Paper, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconMail } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { fetchSettings, type Settings, updateSettings } from '../../api/settings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const MIN_DAYS = 1;
const MAX_DAYS = 365;
const MIN_AUTO_MAILS = 1;
const MAX_AUTO_MAILS = 1000;

/**
 * Help desk settings: when resolved tickets close by themselves, who gets a returning customer,
 * and how the e-mail channel treats unverified senders and automatic mail.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: fetchSettings });
  const form = useForm<Settings>({
    initialValues: {
      autoCloseDays: 7,
      stickyOwner: false,
      mailUnverifiedAsNote: false,
      mailAutoRepliesPerHour: 10,
      notifyActor: false,
    },
    validate: {
      autoCloseDays: (value) =>
        Number.isInteger(value) && value >= MIN_DAYS && value <= MAX_DAYS
          ? null
          : t('admin.settings.daysRange', { min: MIN_DAYS, max: MAX_DAYS }),
      mailAutoRepliesPerHour: (value) =>
        Number.isInteger(value) && value >= MIN_AUTO_MAILS && value <= MAX_AUTO_MAILS
          ? null
          : t('admin.settings.autoMailsRange', { min: MIN_AUTO_MAILS, max: MAX_AUTO_MAILS }),
    },
  });
  const loaded = settings.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when the server's values change
  useEffect(() => {
    if (loaded) {
      form.setValues(loaded);
      form.resetDirty(loaded);
    }
  }, [loaded]);
  const save = useMutation({
    mutationFn: (values: Settings) => updateSettings(values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifications.show({ color: 'green', message: t('admin.settings.saved') });
    },
  });

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('admin.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('admin.settings.intro')}
      </Text>
      {settings.error && <ErrorAlert error={settings.error} mb="md" />}
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={720}>
        {settings.isPending ? (
          <Stack>
            <Skeleton h={60} />
            <Skeleton h={60} />
          </Stack>
        ) : (
          <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
            <Stack gap="lg">
              {save.error && <ErrorAlert error={save.error} title={t('admin.settings.notSaved')} />}
              <NumberInput
                label={t('admin.settings.autoCloseDays')}
                description={t('admin.settings.autoCloseDaysHint')}
                min={MIN_DAYS}
                max={MAX_DAYS}
                clampBehavior="strict"
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t('admin.settings.daysSuffix')}`}
                styles={{ wrapper: { maxWidth: 240 } }}
                {...form.getInputProps('autoCloseDays')}
              />
              <Switch
                label={t('admin.settings.stickyOwner')}
                description={t('admin.settings.stickyOwnerHint')}
                {...form.getInputProps('stickyOwner', { type: 'checkbox' })}
              />
              <Switch
                label={t('inbox.notifyActor')}
                description={t('inbox.notifyActorHint')}
                {...form.getInputProps('notifyActor', { type: 'checkbox' })}
              />
              <Divider
                label={
                  <Group gap={6}>
                    <IconMail size={14} aria-hidden />
                    {t('admin.settings.mailSection')}
                  </Group>
                }
                labelPosition="left"
              />
              <Switch
                label={t('admin.settings.mailUnverifiedAsNote')}
                description={t('admin.settings.mailUnverifiedAsNoteHint')}
                {...form.getInputProps('mailUnverifiedAsNote', { type: 'checkbox' })}
              />
              <NumberInput
                label={t('admin.settings.mailAutoRepliesPerHour')}
                description={t('admin.settings.mailAutoRepliesPerHourHint')}
                min={MIN_AUTO_MAILS}
                max={MAX_AUTO_MAILS}
                clampBehavior="strict"
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t('admin.settings.perHourSuffix')}`}
                styles={{ wrapper: { maxWidth: 240 } }}
                {...form.getInputProps('mailAutoRepliesPerHour')}
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  leftSection={<IconDeviceFloppy size={16} />}
                  loading={save.isPending}
                  disabled={!form.isDirty()}
                >
                  {t('admin.editor.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </>
  );
}

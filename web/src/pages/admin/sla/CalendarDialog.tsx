import { Button, Divider, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createCalendar, type SlaCalendar, updateCalendar } from '../../../api/sla.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { MAX_NAME_LENGTH } from '../CategoryDialogs.tsx';
import { type CalendarValues, toCalendarInput, toCalendarValues } from './calendar-form.ts';
import { HolidaysEditor } from './HolidaysEditor.tsx';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';
import { useCalendarForm } from './useEditorForms.ts';
import { fieldErrorsOf, useSlaChanged } from './useSlaAdmin.ts';
import { WeekHoursEditor } from './WeekHoursEditor.tsx';
import { officeHoursWeek } from './week.ts';

/** What the calendar dialog does: create a calendar, or edit one. */
export type CalendarDialogTarget = { mode: 'create' } | { mode: 'edit'; calendar: SlaCalendar };

// A new calendar starts as office hours in the admin's own time zone.
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function CalendarForm({ target, onDone }: { target: CalendarDialogTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useSlaChanged();
  const calendar = target.mode === 'edit' ? target.calendar : null;
  const form = useCalendarForm(toCalendarValues(calendar, officeHoursWeek(), browserZone()));
  const serverMessages = {
    name: t('common.required'),
    timeZone: t('admin.sla.calendars.timeZoneInvalid'),
    week: t('admin.sla.calendars.weekInvalid'),
    holidays: t('admin.sla.calendars.holidaysInvalid'),
  };
  const save = useMutation({
    mutationFn: async (values: CalendarValues) => {
      const input = toCalendarInput(values);
      if (calendar) await updateCalendar(calendar.id, input);
      else await createCalendar(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      const key = calendar ? 'admin.sla.calendars.saved' : 'admin.sla.calendars.created';
      notifications.show({ color: 'green', message: t(key, { name }) });
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error, serverMessages)),
  });
  const onField = Object.keys(fieldErrorsOf(save.error, serverMessages)).length > 0;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.error && !onField && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.sla.name')}
            required
            data-autofocus
            maxLength={MAX_NAME_LENGTH}
            {...form.getInputProps('name')}
          />
          <TimeZoneSelect
            label={t('admin.sla.calendars.timeZone')}
            description={t('admin.sla.calendars.timeZoneHint')}
            placeholder={t('admin.sla.calendars.timeZonePlaceholder')}
            nothingFoundMessage={t('admin.sla.calendars.noTimeZone')}
            required
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
        <WeekHoursEditor form={form} />
        <Divider />
        <HolidaysEditor form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {calendar ? t('admin.sla.save') : t('admin.sla.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The calendar editor: name, time zone, weekly working hours and holidays. */
export function CalendarModal({ target, onClose }: { target: CalendarDialogTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title =
    target?.mode === 'edit'
      ? t('admin.sla.calendars.editTitle', { name: target.calendar.name })
      : t('admin.sla.calendars.createTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && <CalendarForm target={target} onDone={onClose} />}
    </Modal>
  );
}

import { Divider, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createCalendar, type SlaCalendar, updateCalendar } from '../../../api/sla.ts';
import { MAX_NAME_LENGTH } from '../CategoryDialogs.tsx';
import { toCalendarInput, toCalendarValues } from './calendar-form.ts';
import { EditorForm, EditorModal } from './EditorDialog.tsx';
import { HolidaysEditor } from './HolidaysEditor.tsx';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';
import { useCalendarForm } from './useEditorForms.ts';
import { useEditorSave } from './useEditorSave.ts';
import { WeekHoursEditor } from './WeekHoursEditor.tsx';
import { officeHoursWeek } from './week.ts';

/** What the calendar dialog does: create a calendar, or edit one. */
export type CalendarDialogTarget = { mode: 'create' } | { mode: 'edit'; calendar: SlaCalendar };

// A new calendar starts as office hours in the admin's own time zone.
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function CalendarForm({ target, onDone }: { target: CalendarDialogTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const calendar = target.mode === 'edit' ? target.calendar : null;
  const form = useCalendarForm(toCalendarValues(calendar, officeHoursWeek(), browserZone()));
  const serverMessages = {
    name: t('common.required'),
    timeZone: t('admin.sla.calendars.timeZoneInvalid'),
    week: t('admin.sla.calendars.weekInvalid'),
    holidays: t('admin.sla.calendars.holidaysInvalid'),
  };
  const editor = useEditorSave({
    form,
    editingId: calendar?.id ?? null,
    toInput: toCalendarInput,
    create: createCalendar,
    update: updateCalendar,
    toast: { saved: 'admin.sla.calendars.saved', created: 'admin.sla.calendars.created' },
    serverMessages,
    onDone,
  });

  return (
    <EditorForm {...editor}>
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
    </EditorForm>
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
    <EditorModal target={target} title={title} size="xl" onClose={onClose}>
      {(target) => <CalendarForm target={target} onDone={onClose} />}
    </EditorModal>
  );
}

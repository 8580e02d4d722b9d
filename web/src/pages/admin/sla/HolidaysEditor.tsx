import { ActionIcon, Button, Checkbox, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { draftKey } from './calendar-form.ts';
import type { CalendarForm } from './useEditorForms.ts';
import { formatDay } from './useSlaAdmin.ts';
import { isRealDate } from './week.ts';

/** Days off: a date, once or every year on that day. */
export function HolidaysEditor({ form }: { form: CalendarForm }) {
  const { t } = useTranslation();
  const holidays = form.values.holidays;

  return (
    <Input.Wrapper label={t('admin.sla.calendars.holidays')} description={t('admin.sla.calendars.holidaysHint')}>
      <Stack gap="xs" mt={8}>
        {holidays.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.sla.calendars.noHolidays')}
          </Text>
        )}
        {holidays.map((holiday, i) => {
          const n = i + 1;
          const date = form.getInputProps(`holidays.${i}.date`);
          const readable = isRealDate(holiday.date)
            ? holiday.yearly
              ? t('admin.sla.calendars.everyYearOn', {
                  date: formatDay(holiday.date, { day: 'numeric', month: 'long' }),
                })
              : formatDay(holiday.date, { dateStyle: 'full' })
            : '';
          return (
            <Group key={holiday.key} gap="sm" wrap="nowrap" align="flex-start">
              <TextInput {...date} type="date" w={170} aria-label={t('admin.sla.calendars.holidayN', { n })} />
              <Checkbox
                mt={8}
                label={t('admin.sla.calendars.yearly')}
                aria-label={t('admin.sla.calendars.yearlyN', { n })}
                {...form.getInputProps(`holidays.${i}.yearly`, { type: 'checkbox' })}
              />
              <Text size="sm" c="dimmed" mt={6} style={{ flex: 1 }}>
                {readable}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                aria-label={t('admin.sla.calendars.removeHoliday', { n })}
                onClick={() => form.removeListItem('holidays', i)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconCalendarPlus size={14} />}
            onClick={() => form.insertListItem('holidays', { key: draftKey(), date: '', yearly: false })}
          >
            {t('admin.sla.calendars.addHoliday')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

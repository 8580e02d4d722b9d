import { ActionIcon, Badge, Button, Group, Input, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconClockPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WeekHours } from '../../../api/sla.ts';
import { draftKey, weekDrafts } from './calendar-form.ts';
import type { CalendarForm } from './useEditorForms.ts';
import { useWeekdayNames } from './useSlaAdmin.ts';
import { alwaysOpenWeek, emptyWeek, officeHoursWeek, UI_WEEKDAYS } from './week.ts';

/** One day's intervals, each a start and an end 'HH:MM', with its problem beside it. */
function DayHours({ form, day, dayName }: { form: CalendarForm; day: number; dayName: string }) {
  const { t } = useTranslation();
  const path = `week.${day}`;
  const intervals = form.values.week[String(day)] ?? [];
  const add = () => {
    const last = intervals[intervals.length - 1];
    const next = last ? { start: last.end, end: '' } : { start: '09:00', end: '18:00' };
    form.insertListItem(path, { key: draftKey(), ...next });
  };

  return (
    <Table.Tr data-testid={`day-${day}`}>
      <Table.Td w={140} style={{ verticalAlign: 'top' }}>
        <Text size="sm" fw={500} mt={6}>
          {dayName}
        </Text>
      </Table.Td>
      <Table.Td>
        {intervals.length === 0 ? (
          <Badge variant="light" color="gray" mt={6}>
            {t('admin.sla.calendars.closed')}
          </Badge>
        ) : (
          <Stack gap={6}>
            {intervals.map((interval, i) => {
              const n = i + 1;
              const start = form.getInputProps(`${path}.${i}.start`);
              const end = form.getInputProps(`${path}.${i}.end`);
              const problem = start.error ?? end.error;
              return (
                <Group key={interval.key} gap={6} wrap="nowrap">
                  <TextInput
                    {...start}
                    error={Boolean(start.error)}
                    w={76}
                    maxLength={5}
                    placeholder="09:00"
                    aria-label={t('admin.sla.calendars.startN', { day: dayName, n })}
                  />
                  <Text c="dimmed">–</Text>
                  <TextInput
                    {...end}
                    error={Boolean(end.error)}
                    w={76}
                    maxLength={5}
                    placeholder="18:00"
                    aria-label={t('admin.sla.calendars.endN', { day: dayName, n })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('admin.sla.calendars.removeInterval', { day: dayName, n })}
                    onClick={() => form.removeListItem(path, i)}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                  {problem && (
                    <Text size="xs" c="red" role="alert">
                      {problem}
                    </Text>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
      </Table.Td>
      <Table.Td w={48} style={{ verticalAlign: 'top' }}>
        <ActionIcon
          variant="light"
          mt={4}
          aria-label={t('admin.sla.calendars.addInterval', { day: dayName })}
          onClick={add}
        >
          <IconClockPlus size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/** Working hours per weekday, Monday first, with presets for the usual weeks. */
export function WeekHoursEditor({ form }: { form: CalendarForm }) {
  const { t } = useTranslation();
  const names = useWeekdayNames('long');
  const apply = (week: WeekHours) => form.setFieldValue('week', weekDrafts(week));

  return (
    <Input.Wrapper
      label={t('admin.sla.calendars.hours')}
      description={t('admin.sla.calendars.hoursHint')}
      error={form.errors.week}
      required
    >
      <Group gap="xs" mt={8} mb={8}>
        <Text size="xs" c="dimmed">
          {t('admin.sla.calendars.presets')}
        </Text>
        <Button size="compact-xs" variant="light" onClick={() => apply(officeHoursWeek())}>
          {t('admin.sla.calendars.presetOffice')}
        </Button>
        <Button size="compact-xs" variant="light" onClick={() => apply(alwaysOpenWeek())}>
          {t('admin.sla.calendars.preset24x7')}
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => apply(emptyWeek())}>
          {t('admin.sla.calendars.presetClear')}
        </Button>
      </Group>
      <Paper withBorder>
        <Table verticalSpacing={6} aria-label={t('admin.sla.calendars.hours')}>
          <Table.Tbody>
            {UI_WEEKDAYS.map((day) => (
              <DayHours key={day} form={form} day={day} dayName={names[day]} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Input.Wrapper>
  );
}

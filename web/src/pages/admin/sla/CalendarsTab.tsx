import { Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCalendar, type SlaCalendar } from '../../../api/sla.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { type CalendarDialogTarget, CalendarModal } from './CalendarDialog.tsx';
import { ConfirmDeleteModal, type DeleteTarget } from './ConfirmDeleteModal.tsx';
import { EditDeleteActions } from './EditDeleteActions.tsx';
import { SkeletonRows } from './SkeletonRows.tsx';
import { utcOffset } from './time-zones.ts';
import { useCalendars, useWeekdayNames } from './useSlaAdmin.ts';
import { isAlwaysOpen, summarizeWeek } from './week.ts';

function WorkingHours({ calendar }: { calendar: SlaCalendar }) {
  const { t } = useTranslation();
  const names = useWeekdayNames('short');
  if (isAlwaysOpen(calendar.week)) {
    return (
      <Badge variant="light" color="teal" tt="none" fw={500}>
        {t('admin.sla.calendars.always')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      {summarizeWeek(calendar.week, (day) => names[day]).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** Business calendars: when the SLA clock runs. */
export function CalendarsTab() {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const [dialog, setDialog] = useState<CalendarDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const rows = calendars.data ?? [];

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('admin.sla.calendars.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.sla.calendars.create')}
        </Button>
      </Group>
      {calendars.error && <ErrorAlert error={calendars.error} mb="md" />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('admin.sla.calendars.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{t('admin.sla.name')}</Table.Th>
                <Table.Th w="24%">{t('admin.sla.calendars.timeZone')}</Table.Th>
                <Table.Th>{t('admin.sla.calendars.hours')}</Table.Th>
                <Table.Th ta="right">{t('admin.sla.calendars.holidays')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calendars.isPending && <SkeletonRows columns={5} />}
              {rows.map((calendar) => (
                <Table.Tr
                  key={calendar.id}
                  className="fd-clickable-row"
                  onClick={() => setDialog({ mode: 'edit', calendar })}
                  data-testid={`calendar-row-${calendar.id}`}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconCalendarTime
                        size={16}
                        color="var(--mantine-color-indigo-6)"
                        style={{ flexShrink: 0 }}
                        aria-hidden
                      />
                      <Text size="sm" fw={500}>
                        {calendar.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{calendar.timeZone}</Text>
                    {calendar.timeZone !== 'UTC' && (
                      <Text size="xs" c="dimmed">
                        {utcOffset(calendar.timeZone)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <WorkingHours calendar={calendar} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Badge variant="light" color={calendar.holidays.length > 0 ? 'indigo' : 'gray'}>
                      {calendar.holidays.length}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteActions
                      name={calendar.name}
                      onEdit={() => setDialog({ mode: 'edit', calendar })}
                      onDelete={() => setDeleting({ id: calendar.id, name: calendar.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {calendars.data && rows.length === 0 && (
          <EmptyState
            title={t('admin.sla.calendars.empty')}
            description={t('admin.sla.calendars.emptyHint')}
            icon={<IconCalendarTime size={26} />}
          />
        )}
      </Paper>
      <CalendarModal target={dialog} onClose={() => setDialog(null)} />
      <ConfirmDeleteModal
        target={deleting}
        texts="admin.sla.calendars"
        remove={deleteCalendar}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type CalendarValues, calendarProblems } from './calendar-form.ts';
import { type PolicyValues, policyProblems } from './policy-form.ts';

/** Problems found by a pure checker (message keys by path), translated for the form. */
function translated(problems: Record<string, string>, t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([path, key]) => [path, t(key)]));
}

/** The calendar editor's form, checked as the server would before it is sent. */
export function useCalendarForm(initialValues: CalendarValues) {
  const { t } = useTranslation();
  return useForm<CalendarValues>({ initialValues, validate: (values) => translated(calendarProblems(values), t) });
}

export type CalendarForm = ReturnType<typeof useCalendarForm>;

/** The policy editor's form, checked as the server would before it is sent. */
export function usePolicyForm(initialValues: PolicyValues) {
  const { t } = useTranslation();
  return useForm<PolicyValues>({ initialValues, validate: (values) => translated(policyProblems(values), t) });
}

export type PolicyForm = ReturnType<typeof usePolicyForm>;

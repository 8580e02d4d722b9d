import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/auth.ts';
import { isApiError } from '../../../api/client.ts';
import { queryKeys } from '../../../api/keys.ts';
import { listOrganizations, organizationKeys } from '../../../api/organizations.ts';
import { listCalendars, listContracts, listPolicies, slaKeys } from '../../../api/sla.ts';
import { listUsers } from '../../../api/users.ts';
import { vendorKeys } from '../../../api/vendors.ts';
import { currentLocale } from '../../../i18n/index.ts';
import type { DurationUnits } from './sla-values.ts';
import { weekdayNames } from './week.ts';

const CUSTOMER_PARAMS = { role: ['customer'], limit: 200 };

export function useCalendars() {
  return useQuery({ queryKey: slaKeys.calendars, queryFn: listCalendars });
}

export function usePolicies() {
  return useQuery({ queryKey: slaKeys.policies, queryFn: listPolicies });
}

export function useContracts() {
  return useQuery({ queryKey: slaKeys.contracts, queryFn: listContracts });
}

/** Customer organizations, for the contract holder picker and list and the organizations page. */
export function useOrganizations() {
  return useQuery({ queryKey: organizationKeys.all, queryFn: listOrganizations });
}

/**
 * Customers, for names in the contract list. The API gives at most 200; the customer picker
 * itself searches the server, so it is not limited.
 */
export function useCustomers(enabled = true) {
  return useQuery({
    queryKey: queryKeys.userList(CUSTOMER_PARAMS),
    queryFn: async (): Promise<User[]> => (await listUsers(CUSTOMER_PARAMS)).items,
    enabled,
  });
}

/**
 * After any SLA or vendor change: calendars, policies and contracts refer to each other and
 * vendors to policies, so all are refetched, with the audit log that records the change.
 */
export function useSlaChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: slaKeys.all });
    void queryClient.invalidateQueries({ queryKey: vendorKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/**
 * The fields a 400 names that the form can point at, with the message to show on each; empty
 * when the error names none of them (the form then shows the error above its fields).
 */
export function fieldErrorsOf(error: unknown, messages: Record<string, string>): Record<string, string> {
  if (!isApiError(error) || error.status !== 400) return {};
  return Object.fromEntries(error.fields.filter((field) => field in messages).map((field) => [field, messages[field]]));
}

/** Weekday names (0 = Sunday) in the interface language. */
export function useWeekdayNames(width: 'short' | 'long' = 'short'): Record<number, string> {
  const { i18n } = useTranslation();
  return useMemo(() => weekdayNames(intlLocale(i18n.language), width), [i18n.language, width]);
}

/** Translated unit labels for `formatDuration`. */
export function useDurationUnits(): DurationUnits {
  const { t } = useTranslation();
  return { d: t('admin.sla.units.d'), h: t('admin.sla.units.h'), min: t('admin.sla.units.min') };
}

/** A language tag for Intl; 'zh' alone works but 'zh-CN' picks the usual script. */
export function intlLocale(language: string = currentLocale()): string {
  const base = language.split('-')[0];
  return base === 'zh' ? 'zh-CN' : base;
}

/** A 'YYYY-MM-DD' date in the interface language ("25 Dec 2025"); as given when malformed. */
export function formatDay(date: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const [year, month, day] = date.split('-').map(Number);
  const value = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(value.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(), { ...options, timeZone: 'UTC' }).format(value);
}

import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listVendors, vendorKeys } from '../../../api/vendors.ts';
import { type VendorValues, vendorProblems } from './vendor-form.ts';

export function useVendors() {
  return useQuery({ queryKey: vendorKeys.all, queryFn: listVendors });
}

/** The vendor editor's form, checked as the server would before it is sent. */
export function useVendorForm(initialValues: VendorValues) {
  const { t } = useTranslation();
  return useForm<VendorValues>({
    initialValues,
    validate: (values) =>
      Object.fromEntries(Object.entries(vendorProblems(values)).map(([path, key]) => [path, t(key)])),
  });
}

export type VendorForm = ReturnType<typeof useVendorForm>;

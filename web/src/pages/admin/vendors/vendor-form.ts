import type { Vendor, VendorInput, VendorKind } from '../../../api/vendors.ts';

/** Limits of the vendors API. */
export const VENDOR_LIMITS = { name: 120, email: 254, phone: 40, notes: 5000, contacts: 50 } as const;

/** A contact row of the editor; the key keeps React's rows apart when one is removed. */
export interface ContactDraft {
  key: string;
  name: string;
  email: string;
  phone: string;
}

export interface VendorValues {
  name: string;
  kind: VendorKind;
  email: string;
  phone: string;
  notes: string;
  slaPolicyId: string | null;
  active: boolean;
  contacts: ContactDraft[];
}

let lastKey = 0;

/** A fresh, empty contact row. */
export function emptyContact(): ContactDraft {
  lastKey += 1;
  return { key: `contact-${lastKey}`, name: '', email: '', phone: '' };
}

/** The form's values for a vendor, or for a new, active one. */
export function toVendorValues(vendor: Vendor | null): VendorValues {
  return {
    name: vendor?.name ?? '',
    kind: vendor?.kind ?? 'supplier',
    email: vendor?.email ?? '',
    phone: vendor?.phone ?? '',
    notes: vendor?.notes ?? '',
    slaPolicyId: vendor?.slaPolicyId ? String(vendor.slaPolicyId) : null,
    active: vendor?.active ?? true,
    contacts: (vendor?.contacts ?? []).map((contact) => ({
      ...emptyContact(),
      name: contact.name,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

const orNull = (text: string) => text.trim() || null;

/** What the API gets: trimmed, blanks as null, contacts without their row keys. */
export function toVendorInput(values: VendorValues): VendorInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    email: orNull(values.email),
    phone: orNull(values.phone),
    notes: values.notes.trim(),
    slaPolicyId: values.slaPolicyId ? Number(values.slaPolicyId) : null,
    active: values.active,
    contacts: values.contacts.map((contact) => ({
      name: contact.name.trim(),
      email: orNull(contact.email),
      phone: orNull(contact.phone),
    })),
  };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True for an empty value or something shaped like an e-mail address. */
export function isEmailOrEmpty(value: string): boolean {
  return !value.trim() || EMAIL_RE.test(value.trim());
}

/** Errors by form path (`contacts.1.email`), as message keys for `t`. */
export function vendorProblems(values: VendorValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'common.required';
  if (!isEmailOrEmpty(values.email)) errors.email = 'admin.vendors.emailInvalid';
  values.contacts.forEach((contact, i) => {
    if (!contact.name.trim()) errors[`contacts.${i}.name`] = 'common.required';
    if (!isEmailOrEmpty(contact.email)) errors[`contacts.${i}.email`] = 'admin.vendors.emailInvalid';
  });
  return errors;
}

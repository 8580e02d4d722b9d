import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../api/vendors.ts';
import { emptyContact, isEmailOrEmpty, toVendorInput, toVendorValues, vendorProblems } from './vendor-form.ts';

const vendor: Vendor = {
  id: 3,
  name: 'Printix',
  kind: 'manufacturer',
  email: 'support@printix.example',
  phone: null,
  notes: 'Call before 16:00',
  slaPolicyId: 2,
  active: false,
  contacts: [{ id: 9, name: 'Ivan', email: null, phone: '+380 44 000 0000' }],
};

describe('the vendor editor form', () => {
  it('round-trips a vendor, blanks becoming null', () => {
    const values = toVendorValues(vendor);
    expect(values.slaPolicyId).toBe('2');
    expect(values.phone).toBe('');
    expect(values.contacts[0]).toMatchObject({ name: 'Ivan', email: '', phone: '+380 44 000 0000' });
    const { id: _, contacts, ...rest } = vendor;
    expect(toVendorInput(values)).toEqual({
      ...rest,
      contacts: [{ name: 'Ivan', email: null, phone: '+380 44 000 0000' }],
    });
  });

  it('starts a new vendor active, without a policy, and trims what is typed', () => {
    const values = toVendorValues(null);
    expect(values).toMatchObject({ active: true, slaPolicyId: null, kind: 'supplier', contacts: [] });
    values.name = ' Dealer ';
    values.email = '  ';
    values.contacts.push({ ...emptyContact(), name: ' Ana ', email: ' ana@d.example ' });
    expect(toVendorInput(values)).toMatchObject({
      name: 'Dealer',
      email: null,
      contacts: [{ name: 'Ana', email: 'ana@d.example', phone: null }],
    });
  });

  it('points every problem at its input', () => {
    expect(isEmailOrEmpty('')).toBe(true);
    expect(isEmailOrEmpty('a@b')).toBe(false);
    const values = toVendorValues(null);
    values.email = 'nope';
    values.contacts = [emptyContact(), { ...emptyContact(), name: 'Bo', email: 'bo@' }];
    expect(vendorProblems(values)).toEqual({
      name: 'common.required',
      email: 'admin.vendors.emailInvalid',
      'contacts.0.name': 'common.required',
      'contacts.1.email': 'admin.vendors.emailInvalid',
    });
  });
});

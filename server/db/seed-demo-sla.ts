import type { Actor } from '../authz/policy.ts';
import type { AppContext } from '../context.ts';
import { createCalendar, createContract, createPolicy } from '../modules/sla/sla-admin.service.ts';
import { createVendor } from '../modules/vendors/vendors.service.ts';

const OFFICE_DAY = [{ start: '09:00', end: '18:00' }];
const KYIV_WEEK = { 0: [], 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY, 6: [] };

/**
 * Demo service levels: a Kyiv office calendar with Ukrainian public holidays, a Gold policy on it
 * under a contract for the demo organization, and two vendors, one with an underpinning contract
 * slower than Gold (so escalating to it shows the "later than promised" warning).
 */
export async function seedDemoSla(ctx: AppContext, admin: Actor, organizationId: number): Promise<void> {
  const kyiv = await createCalendar(ctx, admin, {
    name: 'Kyiv office',
    timeZone: 'Europe/Kyiv',
    week: KYIV_WEEK,
    holidays: [
      { date: '2026-01-01', yearly: true },
      { date: '2026-06-28', yearly: true },
      { date: '2026-08-24', yearly: true },
      { date: '2026-12-25', yearly: true },
      { date: '2026-04-12' },
    ],
  });
  const gold = await createPolicy(ctx, admin, {
    name: 'Gold',
    calendarId: kyiv,
    warnAtPercent: 80,
    isDefault: false,
    targets: {
      urgent: { firstResponse: 15, resolution: 120 },
      high: { firstResponse: 30, resolution: 240 },
      normal: { firstResponse: 60, resolution: 540 },
      low: { firstResponse: 240, resolution: 1620 },
    },
  });
  await createContract(ctx, admin, {
    name: 'Acme Logistics — Gold support',
    organizationId,
    customerId: null,
    serviceId: null,
    slaPolicyId: gold,
    validFrom: '2026-01-01',
    validTo: null,
  });
  const nextBusinessDay = { firstResponse: 240, resolution: 2700 };
  const vendorSla = await createPolicy(ctx, admin, {
    name: 'Vendor: next business days',
    calendarId: kyiv,
    warnAtPercent: 75,
    isDefault: false,
    targets: { urgent: nextBusinessDay, high: nextBusinessDay, normal: nextBusinessDay, low: nextBusinessDay },
  });
  await createVendor(ctx, admin, {
    name: 'PrintCo Service',
    kind: 'manufacturer',
    email: 'service@printco.example',
    phone: '+380 44 000 1234',
    notes: 'Warranty repairs of office printers. Quote the serial number.',
    slaPolicyId: vendorSla,
    active: true,
    contacts: [
      { name: 'Taras Melnyk', email: 'taras.melnyk@printco.example', phone: '+380 67 000 1111' },
      { name: 'Service desk', email: 'service@printco.example', phone: null },
    ],
  });
  await createVendor(ctx, admin, {
    name: 'NetSupply',
    kind: 'dealer',
    email: 'support@netsupply.example',
    phone: null,
    notes: 'Network equipment dealer.',
    slaPolicyId: null,
    active: true,
    contacts: [],
  });
}

import { describe, expect, it } from 'vitest';
import { ALL_SERVICES, contractProblems, toContractInput, toContractValues } from './contract-form.ts';

describe('the contract editor form', () => {
  it('starts today on the default policy, for an organization and all services', () => {
    const values = toContractValues(null, '2025-06-01', 3);
    expect(values).toMatchObject({ holderKind: 'organization', serviceId: ALL_SERVICES, slaPolicyId: '3' });
    expect(values.validFrom).toBe('2025-06-01');
    expect(contractProblems(values)).toEqual({ name: 'common.required', organizationId: 'common.required' });
  });

  it('sends only the holder of the chosen kind', () => {
    const values = toContractValues(null, '2025-06-01', 3);
    Object.assign(values, { name: ' Acme gold ', organizationId: '1', customerId: 9, serviceId: '4', validTo: '' });
    expect(toContractInput(values)).toEqual({
      name: 'Acme gold',
      organizationId: 1,
      customerId: null,
      serviceId: 4,
      slaPolicyId: 3,
      validFrom: '2025-06-01',
      validTo: null,
    });
    values.holderKind = 'customer';
    values.serviceId = ALL_SERVICES;
    expect(toContractInput(values)).toMatchObject({ organizationId: null, customerId: 9, serviceId: null });
  });

  it('reads a customer contract back and checks its dates', () => {
    const values = toContractValues(
      {
        id: 1,
        name: 'VIP',
        organizationId: null,
        customerId: 5,
        serviceId: null,
        slaPolicyId: 2,
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
      },
      '2025-06-01',
      null,
    );
    expect(values).toMatchObject({ holderKind: 'customer', customerId: 5, slaPolicyId: '2', validTo: '2025-12-31' });
    expect(contractProblems(values)).toEqual({});
    values.validTo = '2024-12-31';
    values.slaPolicyId = null;
    expect(contractProblems(values)).toEqual({
      slaPolicyId: 'common.required',
      validTo: 'admin.sla.contracts.endBeforeStart',
    });
    values.validFrom = '2025-02-30';
    expect(contractProblems(values).validFrom).toBe('admin.sla.contracts.dateInvalid');
  });
});

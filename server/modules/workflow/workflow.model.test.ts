import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUSES,
  DEFAULT_TRANSITION_ROWS,
  DEFAULT_TYPES,
  DEFAULT_WORKFLOW,
  Workflow,
} from './workflow.model.ts';

describe('workflow model', () => {
  it('answers by category, so admin-defined statuses behave like the built-in ones', () => {
    const parts = {
      key: 'waiting_parts',
      names: { en: 'Waiting for parts' },
      category: 'pending' as const,
      pauseSla: true,
      active: true,
      system: false,
      position: 9,
    };
    const workflow = new Workflow([...DEFAULT_STATUSES, parts], DEFAULT_TYPES, DEFAULT_TRANSITION_ROWS);
    expect(workflow.isOpen('waiting_parts')).toBe(true);
    expect(workflow.keysIn('pending')).toEqual(['waiting_customer', 'waiting_vendor', 'waiting_parts']);
    expect(workflow.pausingStatuses()).toEqual(
      expect.arrayContaining([
        'waiting_customer',
        'waiting_vendor',
        'waiting_parts',
        'resolved',
        'closed',
        'cancelled',
      ]),
    );
    expect(workflow.pausingStatuses()).not.toContain('in_progress');
    expect(DEFAULT_WORKFLOW.isFinal('cancelled')).toBe(true);
    expect(DEFAULT_WORKFLOW.isOpen('resolved')).toBe(false);
  });

  it('uses a type’s own transitions when it has any, the default set otherwise, and never enters a retired status', () => {
    const own = {
      type: 'change_request',
      from: 'new',
      to: 'in_progress',
      by: 'agent' as const,
      roles: ['manager'],
      requires: [],
    };
    const statuses = DEFAULT_STATUSES.map((s) => (s.key === 'waiting_customer' ? { ...s, active: false } : s));
    const workflow = new Workflow(statuses, DEFAULT_TYPES, [...DEFAULT_TRANSITION_ROWS, own]);
    expect(workflow.rulesFor('change_request')).toEqual([own]);
    const incident = workflow.rulesFor('incident');
    expect(incident.some((r) => r.to === 'waiting_customer')).toBe(false);
    // Leaving the retired status still works.
    expect(incident.some((r) => r.from === 'waiting_customer' && r.to === 'in_progress')).toBe(true);
  });
});

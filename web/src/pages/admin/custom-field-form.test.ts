import { describe, expect, it } from 'vitest';
import { emptyOption, formPathOf, toCreateInput, toFormValues, validateOptions } from './custom-field-form.ts';

describe('the custom field editor form', () => {
  it('sends only filled-in texts and the options of list fields', () => {
    const values = toFormValues(null, 20);
    values.key = ' impact ';
    values.type = 'select';
    values.labels.en = ' Impact ';
    values.labels.ro = 'Impact';
    values.options = [
      { ...emptyOption(), value: 'low', labels: { en: 'Low', uk: '', ru: '', ro: 'Scăzut', zh: '' } },
      { ...emptyOption(), value: 'high', labels: { en: 'High', uk: '', ru: '', ro: '', zh: '' } },
    ];
    values.requiredForTypes = ['incident'];
    values.portalVisible = true;
    expect(toCreateInput(values)).toEqual({
      key: 'impact',
      type: 'select',
      labels: { en: 'Impact', ro: 'Impact' },
      help: {},
      options: [
        { value: 'low', labels: { en: 'Low', ro: 'Scăzut' } },
        { value: 'high', labels: { en: 'High' } },
      ],
      requiredForTypes: ['incident'],
      requiredForStatuses: [],
      defaultValue: null,
      portalVisible: true,
      position: 20,
    });
  });

  it('does not send options for fields without a list', () => {
    const values = toFormValues(null, 0);
    values.options = [emptyOption()];
    expect(toCreateInput(values)).not.toHaveProperty('options');
  });

  it('checks option values before saving', () => {
    expect(validateOptions([], 'select')).toBe('missing');
    expect(
      validateOptions(
        [
          { ...emptyOption(), value: 'a' },
          { ...emptyOption(), value: 'a ' },
        ],
        'select',
      ),
    ).toBe('duplicate');
    expect(validateOptions([], 'text')).toBeNull();
  });

  it('points server errors at the inputs', () => {
    expect(formPathOf('cf.impact')).toBe('defaultValue');
    expect(formPathOf('labels')).toBe('labels.en');
    expect(formPathOf('key')).toBe('key');
  });
});

import { describe, expect, it } from 'vitest';
import { autoscaleSchema, nodeParamsSchema } from '@/lib/design/schema';
import { checkNumberText, groupError, groupWords, PARAM_META, type NumberMeta } from './param-meta';

const availability = PARAM_META.availability as NumberMeta;
const check = (text: string) => checkNumberText(text, false, availability, nodeParamsSchema.shape.availability, 'availability');

describe('the inspector’s number fields', () => {
  it('states one range for availability, the inspector’s, whatever is typed', () => {
    expect(check('1.5')).toEqual({ ok: false, error: 'Availability must be between 0.9 and 1' });
    expect(check('0.5')).toEqual({ ok: false, error: 'Availability must be between 0.9 and 1' });
    expect(check('-1')).toEqual({ ok: false, error: 'Availability must be between 0.9 and 1' });
    expect(check('0.999')).toEqual({ ok: true, value: 0.999 });
    expect(check('')).toEqual({ ok: true, value: undefined });
  });

  it('still reports what only the schema knows, in the field’s words', () => {
    const meta: NumberMeta = { type: 'number', label: 'Hit ratio', min: 0, max: 5, step: 0.1, help: '' };
    expect(checkNumberText('2', false, meta, nodeParamsSchema.shape.hitRatio, 'hitRatio')).toEqual({ ok: false, error: 'Hit ratio must be between 0 and 1' });
  });
});

describe('autoscale’s fields', () => {
  it('says a minimum above the maximum in the fields’ own words', () => {
    expect(groupError('autoscale', 'min', { min: 10, max: 8, target: 0.6 })).toBe('Minimum must be at most the maximum (8)');
    expect(groupError('autoscale', 'max', { min: 3, max: 2, target: 0.6 })).toBe('Maximum must be at least the minimum (3)');
    expect(groupError('autoscale', 'min', { min: 8, max: 8, target: 0.6 })).toBeNull();
    expect(groupError('serviceMs', 'read', { read: 5 })).toBeNull();
  });

  it('turns the schema’s paths into labels, never "Minimum.max"', () => {
    const parsed = autoscaleSchema.safeParse({ min: 10, max: 8, target: 0.6 });
    expect(parsed.success).toBe(false);
    const text = groupWords('autoscale', parsed.error!.issues[0].message);
    expect(text).toBe('Maximum must be at least Minimum');
    expect(groupWords('autoscale', 'autoscale.target must be above 0')).toBe('Target must be above 0');
    expect(groupWords('autoscale', 'autoscale is required')).toBe('Autoscale is required');
  });
});

import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { codeBreaks, WorkloadTable } from './reference-tables';

describe('code names in the model’s tables', () => {
  it('break only where a word starts', () => {
    expect(codeBreaks('requestsPerUserPerDay')).toEqual(['requests', 'Per', 'User', 'Per', 'Day']);
    expect(codeBreaks('staticKB')).toEqual(['static', 'KB']);
    expect(codeBreaks('dataPerUserMB')).toEqual(['data', 'Per', 'User', 'MB']);
    expect(codeBreaks('usersToCdnMs')).toEqual(['users', 'To', 'Cdn', 'Ms']);
    expect(codeBreaks('peakFactor')).toEqual(['peak', 'Factor']);
    expect(codeBreaks('region')).toEqual(['region']);
  });

  it('the workload table offers a line break before each word of a field and allows none elsewhere', () => {
    const html = renderToStaticMarkup(createElement(WorkloadTable));
    expect(html).not.toContain('overflow-wrap:anywhere');
    expect(html).toContain('requests</span><span><wbr/>Per</span><span><wbr/>User</span><span><wbr/>Per</span><span><wbr/>Day</span>');
  });
});

describe('the node parameters table', () => {
  it('has one row per param of the registry, with the bounds the schema checks and the inspector’s help', async () => {
    const { ParamsTable } = await import('./reference-tables');
    const { PARAM_KEYS } = await import('@/lib/design/params');
    const html = renderToStaticMarkup(createElement(ParamsTable));
    expect(html.match(/<tr>/g)?.length).toBe(PARAM_KEYS.length + 1);
    expect(html).toContain('data-code-name="shardSkew"');
    expect(html).toContain('0 to 1,000');
    expect(html).toContain('Extra load on the busiest shard');
    expect(html).toContain('whole, 1 to 10 (an SQS batch)');
    expect(html).not.toMatch(/\{\w+\}/);
  });
});

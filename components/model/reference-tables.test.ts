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

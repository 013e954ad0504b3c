import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/render/chart.js';
import { createStyle, plainStyle } from '../../src/render/style.js';

const points = (values: (number | null)[]) =>
  values.map((value, i) => ({ date: `2027-01-${String(i + 1).padStart(2, '0')}`, value }));

describe('renderChart', () => {
  it('stretches few points to the width, leaves a gap where the value is null, and labels the lines', () => {
    const chart = renderChart(
      { points: points([80, 90, null, 70, 70]), lines: [75], title: 'JSS' },
      plainStyle,
      {
        width: 30,
      },
    );
    // 70..90 in steps of 2; 30 columns − 6 (labels) − 1 (axis) − 1 − 4 (' 75%') leave 18 for four
    // segments: 4 columns each. 75 falls on the 76 row; the null point's segment is blank.
    expect(chart.split('\n')).toEqual([
      '  JSS',
      '  90% ┤   ╭────',
      '  88% ┤   │',
      '  86% ┤   │',
      '  84% ┤   │',
      '  82% ┤   │',
      '  80% ┤───╯',
      '  78% ┤',
      `  76% ┼${'┈'.repeat(16)} 75%`,
      '  74% ┤',
      '  72% ┤',
      '  70% ┤            ────',
      `      └${'─'.repeat(16)}`,
      '       2027-01-01 … 2027-01-05',
      '',
    ]);
  });

  it('samples evenly when there are more points than columns, keeping the first and the last', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      date: `day-${i}`.padEnd(10, '.'),
      value: i < 59 ? 50 : 100,
    }));
    const chart = renderChart({ points: many, lines: [], title: 'JSS' }, plainStyle, { width: 40 });
    const lines = chart.split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect(lines.at(-2)).toBe(`       day-0.....${' '.repeat(12)}day-59....`);
    expect(lines[1]).toMatch(/╭$/); // the last sampled point is the jump to 100%
  });

  it('returns nothing when no value is known, and colours the line only when asked', async () => {
    expect(renderChart({ points: points([null, null]), lines: [90], title: 'JSS' }, plainStyle)).toBe('');
    const data = { points: points([80, 90]), lines: [90], title: 'JSS' };
    expect(renderChart(data, plainStyle)).not.toContain('\u001b[');
    expect(renderChart(data, await createStyle(true))).toContain('\u001b[36m'); // cyan: the JSS line
  });

  it('marks today under the axis and the scores seen on their day and row', () => {
    const chart = renderChart(
      {
        points: points([80, 90, 90, 70, 70]),
        lines: [],
        title: 'JSS',
        today: '2027-01-03',
        observed: [
          { date: '2027-01-02', value: 84 },
          { date: '2027-01-04', value: null },
          { date: '2027-02-01', value: 80 }, // after the chart: not drawn
        ],
      },
      plainStyle,
      { width: 30 },
    );
    const lines = chart.split('\n');
    // 22 columns for four segments: 5 each; 2027-01-02 starts at column 5, 2027-01-03 at 10
    const row84 = lines.find((l) => l.startsWith('  84%'));
    expect(row84?.[7 + 5]).toBe('●');
    expect(lines.filter((l) => l.includes('●'))).toHaveLength(2); // the dot and the legend
    const axis = lines.find((l) => l.includes('└')) as string;
    expect(axis.slice(7)).toBe('──────────┴────○────');
    // no room for the label after the mark: it ends at it
    expect(lines).toContain(`${' '.repeat(0)}today 2027-01-03 ↑`.padStart(7 + 10 + 1));
    expect(lines).toContain('       ● the JSS you saw   ○ no score shown');
  });
  it('draws the lines, with no value, when sampling leaves out every day that has one (it crashed)', () => {
    // 200 days, a score on the second only; 28 columns sample days 0, 7, 14, ...: none has a score.
    const values = Array.from({ length: 200 }, (_, i) => (i === 1 ? 90 : null));
    const days = values.map((value, i) => ({
      date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`,
      value,
    }));
    const lines = renderChart({ points: days, lines: [90], title: 'JSS' }, plainStyle, { width: 40 }).split(
      '\n',
    );
    expect(lines[1]).toBe(' 100% ┤');
    expect(lines[11]).toBe(`  90% ┼${'┈'.repeat(28)} 90%`);
    expect(lines.slice(2, 11).every((line) => /^ {2}\d\d% ┤$/.test(line))).toBe(true);
  });
});

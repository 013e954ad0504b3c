import { describe, expect, it } from 'vitest';
import { parseContractCell, parseInvoice } from '../../src/import/parse-description.js';
import { parseCents, parseExportDate } from '../../src/import/parse-values.js';

describe('parseExportDate', () => {
  it('reads the forms Upwork writes', () => {
    expect(parseExportDate('Sep 4, 2026')).toBe('2026-09-04');
    expect(parseExportDate('Sept 4, 2026')).toBe('2026-09-04');
    expect(parseExportDate('September 14, 2026')).toBe('2026-09-14');
    expect(parseExportDate(' feb 29, 2028 ')).toBe('2028-02-29');
    expect(parseExportDate('2026-09-04')).toBe('2026-09-04');
    expect(parseExportDate('05/27/2024')).toBe('2024-05-27');
  });

  it('refuses what is not a real day', () => {
    for (const text of [
      'Feb 29, 2026',
      'Sep 31, 2026',
      'Sepx 4, 2026',
      'Se 4, 2026',
      '2026-02-30',
      '27/05/2024',
      '',
      'yesterday',
    ]) {
      expect(parseExportDate(text), text).toBeUndefined();
    }
  });
});

describe('parseCents', () => {
  it('reads signed amounts with or without $ and thousands commas, exactly', () => {
    expect(parseCents('1,234.56')).toBe(123456);
    expect(parseCents('-$18.00')).toBe(-1800);
    expect(parseCents('$-18.00')).toBe(-1800);
    expect(parseCents('(12.50)')).toBe(-1250);
    expect(parseCents('850.5')).toBe(85050);
    expect(parseCents('1.005')).toBe(101);
    expect(parseCents('0.29')).toBe(29);
    expect(parseCents('USD 5')).toBe(500);
    expect(parseCents('-0.00')).toBe(0);
  });

  it('refuses what is not money', () => {
    for (const text of ['', 'abc', '1,23.00', '--5', '-$-5', '12.3.4', '$'])
      expect(parseCents(text), text).toBeUndefined();
  });
});

describe('parseInvoice', () => {
  it('reads the period and rate of an hourly invoice', () => {
    expect(parseInvoice('Invoice for 05/27/2024-06/02/2024 - 14:20 hrs @ $18.00/hr', 'hourly')).toEqual({
      periodStart: '2024-05-27',
      rateCents: 1800,
    });
  });

  it('flags a period that is not a pair of dates', () => {
    expect(parseInvoice('Invoice for 13/27/2024-06/02/2024 - 1:00 hrs @ $18.00/hr', 'hourly').badPeriod).toBe(
      '13/27/2024-06/02/2024',
    );
  });

  it('reads the title of a fixed-price invoice, up to its milestone', () => {
    expect(parseInvoice('Invoice for Landing page: Milestone 2 - Build', 'fixed')).toEqual({
      title: 'Landing page',
    });
    expect(parseInvoice('Invoice for Site: phase 2: Milestone 1 - x', 'fixed')).toEqual({
      title: 'Site: phase 2',
    });
    expect(parseInvoice('Invoice for Logo design', 'fixed')).toEqual({ title: 'Logo design' });
  });

  it('takes a contract id where the text gives one', () => {
    expect(parseInvoice('Invoice for Landing page (40999999): Milestone 1 - x', 'fixed')).toEqual({
      title: 'Landing page',
      contractId: '40999999',
    });
    expect(
      parseInvoice('Contract ID: 41234567 - Invoice for 05/27/2024-06/02/2024 - 1:00 hrs', 'hourly')
        .contractId,
    ).toBe('41234567');
    expect(parseInvoice('Invoice for Website (2024)', 'fixed')).toEqual({ title: 'Website (2024)' });
  });

  it('splits a weekly-summary contract cell into title and id', () => {
    expect(parseContractCell('SEO audit (41234599)')).toEqual({ title: 'SEO audit', contractId: '41234599' });
    expect(parseContractCell('SEO audit')).toBeUndefined();
  });
});

import { parseCents, parseExportDate } from './parse-values.js';

/** What an invoice text says about its contract. */
export interface InvoiceFacts {
  /** Hourly: the first day of the invoiced period (`Invoice for 05/27/2024-06/02/2024 ...`). */
  periodStart?: string;
  /** Hourly: the rate in cents (`@ $18.00/hr`). */
  rateCents?: number;
  /** Fixed price: the contract title (`Invoice for <title>: Milestone N - <milestone>`). */
  title?: string;
  /** The Upwork contract id, where the text gives one (`Title (12345678)`, `Contract ID: 12345678`). */
  contractId?: string;
  /** A period that looks like dates but is not (`13/45/2024`): the text, for the error message. */
  badPeriod?: string;
}

const PERIOD = /(\d{1,2}\/\d{1,2}\/\d{4})\s*-\s*(\d{1,2}\/\d{1,2}\/\d{4})/;
const RATE = /@\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*\/\s*h(?:ou)?r/i;
const TRAILING_ID = /\s*\((\d{6,})\)\s*$/;
const CONTRACT_ID = /\bcontract\s*(?:id|#|no\.?)?\s*[:#]?\s*(\d{6,})\b/i;
const INVOICE_FOR = /^invoice\s+for\s+/i;

/** Reads an hourly or fixed-price invoice text; fields it cannot find are left out. */
export function parseInvoice(text: string, type: 'hourly' | 'fixed'): InvoiceFacts {
  const facts: InvoiceFacts = {};
  const t = text.trim();
  const id = CONTRACT_ID.exec(t)?.[1];
  if (id) facts.contractId = id;
  if (type === 'hourly') {
    const period = PERIOD.exec(t);
    if (period) {
      const start = parseExportDate(period[1]);
      if (start && parseExportDate(period[2])) facts.periodStart = start;
      else facts.badPeriod = period[0];
    }
    const rate = RATE.exec(t);
    const cents = rate ? parseCents(rate[1]) : undefined;
    if (cents !== undefined && cents > 0) facts.rateCents = cents;
    return facts;
  }
  let title = t.replace(INVOICE_FOR, '');
  // The title ends where the milestone begins: `: Milestone 2 - Design`.
  title = title.replace(/\s*:\s*milestone\b.*$/is, '');
  const trailing = TRAILING_ID.exec(title);
  if (trailing) {
    facts.contractId ??= trailing[1];
    title = title.slice(0, trailing.index);
  }
  if (title.trim() !== '') facts.title = title.trim();
  return facts;
}

/**
 * A contract id standing in a text of its own (the 19-column layouts' "Transaction Summary
 * Details"): `12345678`, `Contract ID: 12345678`, or `Title (12345678)`.
 */
export function contractIdIn(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{6,}$/.test(t)) return t;
  return CONTRACT_ID.exec(t)?.[1] ?? TRAILING_ID.exec(t)?.[1];
}

/** A weekly-summary contract cell, `Title (12345678)`, as title and id. */
export function parseContractCell(text: string): { title?: string; contractId: string } | undefined {
  const m = /^(.*?)\s*\((\d+)\)\s*$/s.exec(text.trim());
  if (!m) return undefined;
  return m[1].trim() === '' ? { contractId: m[2] } : { title: m[1].trim(), contractId: m[2] };
}

import type { SkippedKind, UsedKind } from './rows.js';

/** What a row's type column says it is, before its amount is looked at. */
export type RowType = UsedKind | Exclude<SkippedKind, 'pending' | 'zero'>;

/** What a row type (`Hourly`, `Fixed-price`, `Service Fee`, ...) is; `other` when not known. */
export function classifyType(type: string): RowType {
  const t = type.trim().toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ');
  if (t === 'hourly') return 'hourly';
  if (t === 'fixed price' || t === 'fixed' || t === 'milestone' || t === 'fixed price payment')
    return 'fixed';
  if (t === 'bonus') return 'bonus';
  if (t.includes('refund')) return 'refund';
  if (t.includes('membership')) return 'membership';
  if (t.includes('connect')) return 'connects';
  if (/\b(tax|vat|gst|withholding)\b/.test(t)) return 'tax';
  if (t.includes('withdraw')) return 'withdrawal';
  if (t.includes('fee')) return 'fee';
  return 'other';
}

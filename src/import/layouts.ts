/** The CSV files Upwork lets a freelancer download, known by their header line (DESIGN §7). */

/** Where a transaction layout keeps what the importer reads (header names, lower case). */
export interface TransactionColumns {
  date: string;
  type: string;
  client: string;
  amount: string;
  balance: string;
  /** Columns that may hold the invoice text, in the order they are searched. */
  descriptions: readonly string[];
}

export interface TransactionLayout {
  kind: 'transactions';
  name: string;
  header: readonly string[];
  columns: TransactionColumns;
}

export interface WeeklySummaryLayout {
  kind: 'weekly-summary';
  name: string;
  header: readonly string[];
}

export type Layout = TransactionLayout | WeeklySummaryLayout;

const DETAILED_DESCRIPTIONS = [
  'transaction summary',
  'transaction summary details',
  'description 1',
  'description 2',
  'description 3',
] as const;

export const LAYOUTS: readonly Layout[] = [
  {
    kind: 'transactions',
    name: 'transaction history, 13 columns',
    header:
      'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance'.split(
        ',',
      ),
    columns: {
      date: 'date',
      type: 'type',
      client: 'team',
      amount: 'amount',
      balance: 'balance',
      descriptions: ['description'],
    },
  },
  {
    kind: 'transactions',
    name: 'transaction history, 19 columns',
    header:
      'Date,Transaction ID,Transaction Type,Transaction Summary,Transaction Summary Details,Description 1,Description 2,Description 3,Agency,Freelancer,Team,Account Name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current Balance $,Payment Method'.split(
        ',',
      ),
    columns: {
      date: 'date',
      type: 'transaction type',
      client: 'team',
      amount: 'amount $',
      balance: 'current balance $',
      descriptions: DETAILED_DESCRIPTIONS,
    },
  },
  {
    kind: 'transactions',
    name: 'transaction history, 19 columns in sentence case',
    header:
      'Date,Transaction ID,Transaction type,Transaction summary,Transaction summary details,Description 1,Description 2,Description 3,Agency team,Freelancer,Client team,Account name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current balance $,Payment method'.split(
        ',',
      ),
    columns: {
      date: 'date',
      type: 'transaction type',
      client: 'client team',
      amount: 'amount $',
      balance: 'current balance $',
      descriptions: DETAILED_DESCRIPTIONS,
    },
  },
  {
    kind: 'weekly-summary',
    name: 'weekly summary',
    header: ['Date', 'Contract', 'Hours', 'Amount', 'Payment type'],
  },
];

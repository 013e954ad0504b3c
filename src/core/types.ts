/** Plain data shared by every layer. Dates are ISO `YYYY-MM-DD` strings; money is USD. */

export const CONTRACT_TYPES = ['hourly', 'fixed'] as const;
export const STATUSES = ['active', 'paused', 'ended'] as const;
export const ENDED_BY = ['client', 'freelancer', 'upwork'] as const;
export const END_REASONS = [
  'completed',
  'no-longer-needed',
  'hired-different',
  'unresponsive',
  'misrepresented-skills',
  'unprofessional',
  'quality',
  'client-unresponsive',
  'completed-unsuccessfully',
  'dormant',
  'other',
] as const;
export const DISPUTES = ['none', 'won', 'lost', 'settled'] as const;
export const OUTCOMES = ['success', 'neutral', 'negative', 'excluded', 'pending'] as const;

export type ContractType = (typeof CONTRACT_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export type EndedBy = (typeof ENDED_BY)[number];
export type EndReason = (typeof END_REASONS)[number];
export type Dispute = (typeof DISPUTES)[number];
export type Outcome = (typeof OUTCOMES)[number];

export interface Payment {
  date: string;
  amount: number;
}

/** Feedback left on a contract: an object when given, `'none'` when it ended without any. */
export interface FeedbackGiven {
  public?: number;
  /** 0..10; `'none'`: the client left no private rating; undefined: unknown (DESIGN §8). */
  private?: number | 'none';
}
export type Feedback = FeedbackGiven | 'none';

export interface Contract {
  id: string;
  client: string;
  title?: string;
  type: ContractType;
  status: Status;
  start: string;
  end?: string;
  earnings: number;
  refunded: number;
  payments?: Payment[];
  firstPayment?: string;
  lastPayment?: string;
  endedBy?: EndedBy;
  endReason?: EndReason;
  /** undefined = unknown */
  feedback?: Feedback;
  dispute: Dispute;
  clientSuspended: boolean;
  notes?: string;
}

/** Every key a contract may have, in the order the docs and written files list them. */
export const CONTRACT_KEYS = [
  'id',
  'client',
  'title',
  'type',
  'status',
  'start',
  'end',
  'earnings',
  'refunded',
  'payments',
  'firstPayment',
  'lastPayment',
  'endedBy',
  'endReason',
  'feedback',
  'dispute',
  'clientSuspended',
  'notes',
] as const satisfies readonly (keyof Contract)[];

/** A JSS that Upwork showed on a day (DESIGN §8); `jss: null` is "no score shown". */
export interface Observation {
  date: string;
  jss: number | null;
  note?: string;
}

export interface History {
  version: 1;
  /** The history's date H: no fact in it is later. Absent: today (UTC). */
  asOf?: string;
  freelancer?: string;
  contracts: Contract[];
  /** The scores the freelancer saw, as written (any order in the file; dates unique, not after H). */
  observed?: Observation[];
}

// ---- rule sets -------------------------------------------------------------------------------

export interface Range {
  min?: number;
  max?: number;
}

/** Declarative matcher: every key given must hold. */
export interface Matcher {
  status?: Status;
  type?: ContractType;
  open?: boolean;
  idle?: boolean;
  longTermClient?: boolean;
  clientSuspended?: boolean;
  endedBy?: EndedBy;
  endReason?: EndReason | EndReason[];
  dispute?: Dispute;
  feedback?: 'none' | 'given' | 'unknown';
  earnings?: Range | 'unknown';
  public?: Range | 'unknown';
  private?: Range | 'unknown';
}

export interface ClassifyRule {
  name: string;
  when: Matcher;
  outcome: Outcome;
  /** Why this rule exists: a fact from JSS-FACTS.md or an assumption, in words. */
  basis?: string;
}

export interface MonthWindow {
  name: string;
  months: number;
  display?: boolean;
}
export interface AverageWindow {
  name: string;
  average: string[];
  display?: boolean;
}
export type WindowDef = MonthWindow | AverageWindow;

export interface Tier {
  upTo?: number;
  weight: number;
}

/** Fields a scenario may set on an open contract. */
export interface ScenarioSet {
  status?: Status;
  endedBy?: EndedBy;
  endReason?: EndReason;
  dispute?: Dispute;
}

export interface ScenarioOutcome {
  name: string;
  label?: string;
  /** Replaces the contract's feedback whole; absent = feedback unchanged. */
  feedback?: Feedback;
}

export interface Scenario {
  name: string;
  label: string;
  /** Offered only for contracts this matches on the evaluation date. */
  when?: Matcher;
  set?: ScenarioSet;
  /** `continue`: the contract keeps being paid at its own rhythm up to the day scored (DESIGN §4). */
  payments?: 'continue';
  outcomes: ScenarioOutcome[];
}

export interface RuleSet {
  name: string;
  summary: string;
  sources: string[];
  assumptions: string[];
  formula: 'net' | 'ratio';
  rounding: 'round' | 'floor';
  windows: WindowDef[];
  select: 'best';
  shownWhen: { window: string };
  eligibility: { minOutcomes: number; minClients: number };
  weights: { tiers: Tier[]; periodDays: number; max: number };
  longTerm: { minSpanDays: number };
  idle: { afterDays: number };
  classify: ClassifyRule[];
  badges: { name: string; min: number }[];
  thresholds: number[];
  scenarios: Scenario[];
}

export function isAverageWindow(w: WindowDef): w is AverageWindow {
  return 'average' in w;
}

// What a lead looks like to the rule language, and what scoring returns.
// Plain data: the scoring service maps its rows into these; the DSL never
// reads a database row or an ORM entity itself.

import type { Dimension, LeadNumberField, LeadStringField } from './program';

/** One lead's attributes. Missing values are null. Timestamps are epoch milliseconds. */
export type LeadFacts = {
  readonly [K in LeadStringField]: string | null;
} & {
  readonly [K in LeadNumberField]: number | null;
} & {
  readonly created_at: number;
  /** Custom attributes as stored (a JSON object); a value's JSON type is its type. */
  readonly attributes: Readonly<Record<string, unknown>>;
};

/** One event of the lead. `occurredAt` in epoch milliseconds (the store keeps millisecond precision). */
export interface EventFacts {
  readonly type: string;
  readonly occurredAt: number;
  readonly properties: Readonly<Record<string, string>>;
}

/** One rule's part in a score. Listed for every point rule that added points (non-zero). */
export interface Contribution {
  readonly line: number;
  readonly rule: string;
  readonly dimension: Dimension;
  /** Rounded to 2 decimals, half away from zero. */
  readonly points: number;
  /** For `per` rules: how many events matched (in the window); null for `when` rules. */
  readonly eventCount: number | null;
}

/** The score of one lead under one program, model settings and instant. */
export interface ScoreResult {
  readonly fit: number;
  readonly engagement: number;
  /** clamp(fit + engagement, minScore, maxScore), rounded. */
  readonly total: number;
  /** A, B, C or D from fit and the grade bands. */
  readonly grade: string;
  /** Threshold stage, raised by qualify rules, or 'disqualified'; null when none is met. */
  readonly stage: string | null;
  /** In source order. */
  readonly explanation: readonly Contribution[];
}

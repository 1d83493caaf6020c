// The checked program: what the checker hands to both backends.
//
// The checker turns the AST (ast.ts, source-shaped, may hold errors) into this
// form only when it found no error: every name is resolved, every dimension
// inferred, every duration converted to milliseconds, every selector turned
// into an event filter. Backends never see a name they have to look up and
// never need to report an error; they compile this once and never throw.

/** The fixed lead columns a rule may name; the SQL backend maps each to a column. */
export type LeadStringField =
  | 'email'
  | 'first_name'
  | 'last_name'
  | 'title'
  | 'company'
  | 'industry'
  | 'country'
  | 'source';
export type LeadNumberField = 'employees' | 'annual_revenue';
export type LeadTimestampField = 'created_at';
export type LeadField = LeadStringField | LeadNumberField | LeadTimestampField;

/** A lead attribute: a fixed column, or `attributes.NAME` in the custom jsonb. */
export type AttributeRef =
  | { readonly kind: 'field'; readonly name: LeadField }
  | { readonly kind: 'custom'; readonly name: string };

/** One property test of an event filter. `glob`: `*` matches any run of characters, all else literal, case-sensitive, whole value. */
export interface PropertyTest {
  readonly key: string;
  readonly op: 'eq' | 'glob';
  readonly value: string;
}

/** Which events a selector matches: the type, and every property test holds. */
export interface EventFilter {
  readonly type: string;
  readonly properties: readonly PropertyTest[];
}

export type NumberOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type TextOp = 'contains' | 'starts_with' | 'ends_with';

/**
 * A condition over one lead and its events at an instant `asOf`.
 * Null semantics (dsl.md): a missing attribute makes every comparison false,
 * `ne` and negated `in` included; only `isSet` with negated=true is true for it.
 * A custom attribute whose JSON value is not of the compared type behaves as missing.
 * Strings compare case-insensitively (see docs/dsl.md for the case mapping).
 */
export type Condition =
  | { readonly kind: 'or'; readonly items: readonly Condition[] }
  | { readonly kind: 'and'; readonly items: readonly Condition[] }
  | { readonly kind: 'not'; readonly item: Condition }
  | { readonly kind: 'stringCompare'; readonly attribute: AttributeRef; readonly op: 'eq' | 'ne'; readonly value: string }
  | { readonly kind: 'numberCompare'; readonly attribute: AttributeRef; readonly op: NumberOp; readonly value: number }
  | { readonly kind: 'stringIn'; readonly attribute: AttributeRef; readonly values: readonly string[]; readonly negated: boolean }
  | { readonly kind: 'numberIn'; readonly attribute: AttributeRef; readonly values: readonly number[]; readonly negated: boolean }
  | { readonly kind: 'text'; readonly attribute: AttributeRef; readonly op: TextOp; readonly value: string }
  | { readonly kind: 'isSet'; readonly attribute: AttributeRef; readonly negated: boolean }
  /** At least one matching event with asOf - withinMs < occurred_at <= asOf (no window: occurred_at <= asOf). */
  | { readonly kind: 'hasEvent'; readonly filter: EventFilter; readonly withinMs: number | null }
  /** The number of matching events (in the window) compared with a number. */
  | { readonly kind: 'countCompare'; readonly filter: EventFilter; readonly withinMs: number | null; readonly op: NumberOp; readonly value: number }
  /** asOf minus the last event at or before asOf (or created_at when none), in ms, compared with `ms`. */
  | { readonly kind: 'inactive'; readonly op: NumberOp; readonly ms: number };

export type Dimension = 'fit' | 'engagement';

interface RuleBase {
  /** 1-based line of the rule in the source. */
  readonly line: number;
  /** The rule's source text, trimmed, without its trailing comment. */
  readonly text: string;
}

export type CheckedRule =
  | (RuleBase & {
      readonly kind: 'when';
      readonly dimension: Dimension;
      /** Signed points. */
      readonly points: number;
      readonly condition: Condition;
    })
  | (RuleBase & {
      readonly kind: 'per';
      readonly dimension: Dimension;
      /** Signed points per matching event. */
      readonly points: number;
      readonly filter: EventFilter;
      readonly withinMs: number | null;
      /** Cap on the magnitude of the (decayed) sum; null: no cap. */
      readonly max: number | null;
      /** Each event contributes points * (1 - percent/100)^floor(age / everyMs). */
      readonly decay: { readonly percent: number; readonly everyMs: number } | null;
    })
  | (RuleBase & { readonly kind: 'qualify'; readonly stage: string; readonly condition: Condition })
  | (RuleBase & { readonly kind: 'disqualify'; readonly condition: Condition });

export interface CheckedProgram {
  readonly rules: readonly CheckedRule[];
}

/** A threshold of a model, in ascending order of `position`. */
export interface ThresholdSetting {
  readonly stage: string;
  readonly minScore: number;
  readonly minFit: number | null;
  readonly position: number;
}

/** Grade bands as fractions of maxScore: A when fit >= a * maxScore, and so on; else D. */
export interface GradeBands {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const DEFAULT_GRADE_BANDS: GradeBands = { a: 0.75, b: 0.5, c: 0.25 };

/** What a model contributes to scoring besides its rules. */
export interface ModelSettings {
  readonly minScore: number;
  readonly maxScore: number;
  readonly thresholds: readonly ThresholdSetting[];
  readonly gradeBands: GradeBands;
}

/** The stage a `disqualify` rule gives. */
export const DISQUALIFIED_STAGE = 'disqualified';

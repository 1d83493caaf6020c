// The arithmetic both backends share, so they cannot drift. The SQL backend
// binds what these functions compute (decay tables, grade cut-offs, stage
// order) and mirrors the few operations it must repeat per row in the same
// order. docs/dsl.md, "How the two backends agree", states every rule here.

import type { GradeBands, ModelSettings, ThresholdSetting } from './program';

// ---------------------------------------------------------------- rounding

/**
 * Rounds to 2 decimals, half away from zero, exactly as Postgres's
 * round(x::numeric, 2)::float8 does: the float8 -> numeric cast first keeps
 * 15 significant digits (printf "%.15g": nearest, exact ties to even), then
 * round() works on that decimal, then the decimal is read back as the nearest
 * double. -0 becomes 0. Infinities and NaN pass through.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  if (a < 1e9) {
    // Fast path. Below 1e9, keeping 15 digits moves x by at most 5e-7, and
    // a * 100 is off by at most ~1e-5; so unless a * 100 is within 1e-4 of a
    // half, both roundings land on the same integer n, and n / 100 (one
    // correctly rounded division) is the double nearest to the decimal n/100.
    const y = a * 100;
    const n = Math.floor(y);
    const f = y - n;
    if (f < 0.4999 || f > 0.5001) {
      const r = (f > 0.5 ? n + 1 : n) / 100;
      return r === 0 ? 0 : x < 0 ? -r : r;
    }
  }
  return slowRound2(x);
}

function slowRound2(x: number): number {
  const negative = x < 0;
  const { digits, exponent } = fifteenDigits(Math.abs(x));
  // value = digits * 10^exponent; keep 2 decimals, half away from zero.
  let text: string;
  if (exponent >= -2) {
    text = `${digits}e${exponent}`;
  } else {
    const divisor = 10n ** BigInt(-2 - exponent);
    let q = digits / divisor;
    if (2n * (digits % divisor) >= divisor) q += 1n;
    text = `${q}e-2`;
  }
  const r = Number(text);
  if (r === 0) return 0;
  return negative ? -r : r;
}

/** a > 0, finite: its 15-significant-digit decimal, rounded to nearest with exact ties to even (glibc printf). */
function fifteenDigits(a: number): { digits: bigint; exponent: number } {
  // toPrecision rounds exact ties up (away from zero for a > 0); only an exact
  // tie (16 significant digits, the last a 5) can differ from printf.
  const up = parseDecimal(a.toPrecision(15));
  const sixteen = a.toPrecision(16);
  const d16 = parseDecimal(sixteen);
  if (d16.digits % 10n === 5n && equalsExactly(a, d16.digits, d16.exponent)) {
    const down = d16.digits / 10n;
    if (down % 2n === 0n) return { digits: down, exponent: d16.exponent + 1 };
  }
  return up;
}

/** "1.23456e+5" or "123.456" -> digits (integer, no sign) and exponent. */
function parseDecimal(s: string): { digits: bigint; exponent: number } {
  const [mantissa, exp] = s.split('e');
  const [intPart, frac = ''] = mantissa.split('.');
  return { digits: BigInt(intPart + frac), exponent: (exp === undefined ? 0 : Number(exp)) - frac.length };
}

const view = new DataView(new ArrayBuffer(8));

/** Whether the double a (> 0, finite) equals digits * 10^exponent exactly. */
function equalsExactly(a: number, digits: bigint, exponent: number): boolean {
  view.setFloat64(0, a);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e2: number;
  if (biased === 0) e2 = -1074;
  else {
    mantissa |= 1n << 52n;
    e2 = biased - 1075;
  }
  // mantissa * 2^e2 == digits * 10^exponent, both sides scaled to integers.
  const s2 = Math.max(0, -e2);
  const s10 = Math.max(0, -exponent);
  const left = mantissa * 2n ** BigInt(e2 + s2) * 10n ** BigInt(s10);
  const right = digits * 10n ** BigInt(exponent + s10) * 2n ** BigInt(s2);
  return left === right;
}

// ---------------------------------------------------------------- decay

/**
 * How a `decay P% every DUR` rule weighs an event in bucket k = floor(age / DUR):
 * factor(k) = 0 when k >= zeroFrom; otherwise the product, over the set bits i
 * of k in ascending order, of factors[i] = f^(2^i) (f = 1 - P/100, squared
 * repeatedly in JS), starting from 1. IEEE multiplication is exactly rounded in
 * both engines, so the SQL chain of the same multiplications gives the same
 * double. zeroFrom is where f^k drops below 1e-150: below it no partial product
 * gets near the underflow that Postgres reports as an error.
 */
export interface DecayPlan {
  readonly factors: readonly number[];
  /** null: never zero (f = 1). */
  readonly zeroFrom: number | null;
}

const MAX_BUCKET_BITS = 53;

export function planDecay(percent: number): DecayPlan {
  // The checker bounds P to [0, 100]; clamp anyway so a bad program cannot produce negative or growing factors.
  const p = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
  const f = 1 - p / 100;
  if (f === 1) return { factors: [], zeroFrom: null };
  if (f === 0) return { factors: [], zeroFrom: 1 };
  const zeroFrom = Math.min(2 ** MAX_BUCKET_BITS, Math.ceil(Math.log(1e-150) / Math.log(f)));
  const bits = Math.min(MAX_BUCKET_BITS, bitLength(zeroFrom - 1));
  const factors: number[] = [];
  let b = f;
  for (let i = 0; i < bits; i++) {
    factors.push(b);
    b = b * b;
  }
  return { factors, zeroFrom };
}

function bitLength(n: number): number {
  let bits = 0;
  while (n >= 1) {
    n = Math.floor(n / 2);
    bits++;
  }
  return bits;
}

export function decayFactor(plan: DecayPlan, k: number): number {
  if (plan.zeroFrom !== null && k >= plan.zeroFrom) return 0;
  let r = 1;
  let q = k;
  const factors = plan.factors;
  for (let i = 0; i < factors.length && q > 0; i++) {
    if (q % 2 === 1) r = r * factors[i];
    q = Math.floor(q / 2);
  }
  return r;
}

/** floor(ageMs / everyMs) for integral ms; exact (no float division). Non-positive everyMs or age: bucket 0. */
export function decayBucket(ageMs: number, everyMs: number): number {
  if (!(everyMs > 0) || !(ageMs > 0)) return 0;
  return (ageMs - (ageMs % everyMs)) / everyMs;
}

/**
 * The decayed sum of a `per` rule from its matching events' buckets (sorted
 * ascending, mutated): for each distinct bucket k, ascending, add
 * (points * factor(k)) * count(k). The SQL backend sums the same terms with
 * sum(... ORDER BY k).
 */
export function decayedSum(points: number, plan: DecayPlan, sortedBuckets: readonly number[]): number {
  let sum = 0;
  let i = 0;
  const n = sortedBuckets.length;
  while (i < n) {
    const k = sortedBuckets[i];
    let j = i + 1;
    while (j < n && sortedBuckets[j] === k) j++;
    sum += points * decayFactor(plan, k) * (j - i);
    i = j;
  }
  return sum;
}

/** Clamp of a per rule's sum to magnitude max (max null: no cap). */
export function capMagnitude(value: number, max: number | null): number {
  if (max === null) return value;
  return Math.min(Math.max(value, -max), max);
}

// ---------------------------------------------------------------- stages and grades

/** Thresholds ordered by position; `level` is an index into `stages`, -1 for none. */
export interface StagePlan {
  readonly stages: readonly string[];
  readonly minScore: readonly number[];
  readonly minFit: readonly (number | null)[];
  readonly levelOf: ReadonlyMap<string, number>;
}

export function planStages(thresholds: readonly ThresholdSetting[]): StagePlan {
  const sorted = [...thresholds].sort((a, b) => a.position - b.position);
  const levelOf = new Map<string, number>();
  sorted.forEach((t, i) => levelOf.set(t.stage, i));
  return {
    stages: sorted.map((t) => t.stage),
    minScore: sorted.map((t) => t.minScore),
    minFit: sorted.map((t) => t.minFit),
    levelOf,
  };
}

/** The highest level whose minScore <= total and minFit (if set) <= fit, on rounded figures; -1 when none. */
export function thresholdLevel(plan: StagePlan, total: number, fit: number): number {
  for (let i = plan.stages.length - 1; i >= 0; i--) {
    const minFit = plan.minFit[i];
    if (plan.minScore[i] <= total && (minFit === null || minFit <= fit)) return i;
  }
  return -1;
}

/** The fit cut-offs of grades A, B, C: band * maxScore, computed once here and bound in SQL. */
export function gradeCutoffs(bands: GradeBands, maxScore: number): { a: number; b: number; c: number } {
  return { a: bands.a * maxScore, b: bands.b * maxScore, c: bands.c * maxScore };
}

export function gradeOf(cutoffs: { a: number; b: number; c: number }, fit: number): string {
  if (fit >= cutoffs.a) return 'A';
  if (fit >= cutoffs.b) return 'B';
  if (fit >= cutoffs.c) return 'C';
  return 'D';
}

/** total = round2(clamp(round2(fit) + round2(engagement), min, max)): the shown total is the sum of the shown figures. */
export function totalOf(settings: ModelSettings, fitRounded: number, engagementRounded: number): number {
  return round2(Math.min(Math.max(fitRounded + engagementRounded, settings.minScore), settings.maxScore));
}

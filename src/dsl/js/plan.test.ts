import { compileSource } from '../compile';
import type { EventFacts, LeadFacts } from '../facts';
import { DEFAULT_GRADE_BANDS, type ModelSettings } from '../program';
import { planJs } from './plan';

const SETTINGS: ModelSettings = { minScore: 0, maxScore: 100, thresholds: [], gradeBands: DEFAULT_GRADE_BANDS };
const SOURCE = `+1 when attributes.constructor is set
+2 when attributes.__proto__ = "x"
+4 when title contains "a"
+8 per event("x", constructor = "y")
+16 when inactive > 1d
+32 per opened_email() decay 50% every 1d
+64 when count(visited("/*")) >= 1
disqualify when email = "x"`;

describe('planJs', () => {
  const program = compileSource(SOURCE).program;
  if (program === null) throw new Error('test source does not compile');
  const score = planJs(program, SETTINGS);
  const asOf = Date.UTC(2025, 0, 1);

  it('never throws on malformed input, and treats malformed values as missing', () => {
    const bad: unknown[][] = [
      [null, null],
      [undefined, undefined],
      [{}, [null, undefined, 1, 'x', {}]],
      [{ attributes: null, title: 5, created_at: 'x' }, [{ type: 'page_view', occurredAt: Number.NaN, properties: null }]],
      [{ attributes: [] }, [{ type: 'email_open', occurredAt: asOf, properties: undefined }]],
      [{ attributes: { constructor: null } }, [{ type: 'x', occurredAt: asOf, properties: { constructor: 5 } }]],
    ];
    for (const [lead, events] of bad) {
      expect(() => score(lead as LeadFacts, events as EventFacts[], asOf)).not.toThrow();
    }
    const r = score({ attributes: null } as unknown as LeadFacts, [{ type: 'page_view', occurredAt: asOf, properties: null }] as unknown as EventFacts[], asOf);
    expect(r.explanation.map((c) => c.line)).toEqual([]);
  });

  it('inherited names (constructor, __proto__) are never attributes or properties', () => {
    const lead = { attributes: {}, created_at: asOf } as unknown as LeadFacts;
    const r = score(lead, [{ type: 'x', occurredAt: asOf, properties: {} }], asOf);
    expect(r.explanation).toEqual([]);
    const own = score({ attributes: { constructor: 'x' }, created_at: asOf } as unknown as LeadFacts, [{ type: 'x', occurredAt: asOf, properties: { constructor: 'y' } }], asOf);
    expect(own.explanation.map((c) => c.line)).toEqual([1, 4]);
  });

  it('is planned once and reusable: the same inputs give equal results on every call', () => {
    const lead = { title: 'Banana', attributes: {}, created_at: asOf - 5 * 86_400_000 } as unknown as LeadFacts;
    const events: EventFacts[] = [
      { type: 'email_open', occurredAt: asOf - 86_400_000, properties: {} },
      { type: 'page_view', occurredAt: asOf, properties: { path: '/x' } },
    ];
    const first = score(lead, events, asOf);
    expect(score({ attributes: {}, created_at: asOf } as unknown as LeadFacts, [], asOf).engagement).toBe(0);
    expect(score(lead, events, asOf)).toEqual(first);
    expect(first).toEqual({
      fit: 4,
      engagement: 80,
      total: 84,
      grade: 'D',
      stage: null,
      explanation: [
        { line: 3, rule: '+4 when title contains "a"', dimension: 'fit', points: 4, eventCount: null },
        { line: 6, rule: '+32 per opened_email() decay 50% every 1d', dimension: 'engagement', points: 16, eventCount: 1 },
        { line: 7, rule: '+64 when count(visited("/*")) >= 1', dimension: 'engagement', points: 64, eventCount: null },
      ],
    });
  });
});

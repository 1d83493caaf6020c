// A deterministic data set of any size: leads from the demo's generator
// (src/demo: many countries, scripts and languages, big accounts, free-mail
// addresses, custom attributes) and exactly `events` events spread over them
// with a long tail (most leads a few, some hundreds, 15% none) and in bursts
// (the demo's sessions). The same options give the same leads, ids, events
// and order on every machine (mulberry32 streams, integer arithmetic).
//
// Leads are held in memory (about 1 KB each); events are produced lead by
// lead and never all held, so 10 million events stream in constant memory.

import { generateEvents, type DemoEvent } from '../demo/generateEvents';
import { DAY_MS, generateLeads, type DemoLead } from '../demo/generateLeads';
import { Random } from '../demo/random';

export interface DatasetOptions {
  readonly leads: number;
  readonly events: number;
  readonly seed: number;
  /** The data's present (epoch ms): every time lies in the 120 days before it. */
  readonly now: number;
}

export interface GeneratedLead extends DemoLead {
  /** A UUID drawn from the seed, so ids are reproducible too. */
  readonly id: string;
}

export interface Dataset {
  readonly leads: readonly GeneratedLead[];
  /** Each lead with its events in time order, lead by lead; exactly `events` events in all. */
  eventsByLead(): Iterable<{ readonly lead: GeneratedLead; readonly events: readonly DemoEvent[] }>;
}

/** Heaviest share one lead may take, in multiples of a typical lead's: a very active lead, not a runaway bot. */
const MAX_WEIGHT = 300;

export function generateDataset(options: DatasetOptions): Dataset {
  const { now } = options;
  if (!Number.isInteger(options.leads) || options.leads < 0) throw new RangeError(`leads must be a non-negative integer, got ${options.leads}`);
  if (!Number.isInteger(options.events) || options.events < 0) throw new RangeError(`events must be a non-negative integer, got ${options.events}`);
  if (options.events > 0 && options.leads === 0) throw new RangeError('events need at least one lead');
  // Separate streams, so that leads do not change when only the event count does.
  const root = new Random(options.seed);
  const leadRng = root.fork();
  const idRng = root.fork();
  const weightRng = root.fork();
  const eventRng = root.fork();
  const leads = generateLeads(leadRng, options.leads, now).map((lead) => ({ ...lead, id: uuidFrom(idRng) }));

  // Activity weights: silent leads, a Pareto tail, and fewer events for leads that arrived lately.
  const weights = leads.map((lead) => {
    if (weightRng.chance(0.15)) return 0;
    const ageDays = (now - lead.createdAt) / DAY_MS;
    return Math.min(MAX_WEIGHT, weightRng.pareto(1, 1.3)) * Math.min(1, 0.2 + ageDays / 20);
  });
  let total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) {
    weights.fill(1);
    total = weights.length;
  }
  return {
    leads,
    *eventsByLead() {
      // Cumulative rounding: integer counts that add up to exactly options.events.
      let cumulative = 0;
      let assigned = 0;
      for (let i = 0; i < leads.length; i++) {
        cumulative += weights[i];
        const upTo = i === leads.length - 1 ? options.events : Math.round((options.events * cumulative) / total);
        const count = upTo - assigned;
        assigned = upTo;
        yield { lead: leads[i], events: eventsFor(eventRng, leads[i], count, now) };
      }
    },
  };
}

/** `count` events of the lead: whole demo histories drawn one after another, the last one cut, in time order. */
function eventsFor(rng: Random, lead: DemoLead, count: number, now: number): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (let attempt = 0; events.length < count && attempt < 10_000; attempt++) {
    for (const e of generateEvents(rng, lead, now)) {
      if (events.length === count) break;
      events.push(e);
    }
  }
  // A lead whose histories kept coming back empty (practically never): its visits at creation.
  while (events.length < count) events.push({ type: 'page_view', occurredAt: lead.createdAt, properties: { path: '/' } });
  return events.sort((a, b) => a.occurredAt - b.occurredAt);
}

/** A version-4 UUID from four 32-bit draws. */
function uuidFrom(rng: Random): string {
  const hex = Array.from({ length: 4 }, () => rng.int(0, 0xffffffff).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

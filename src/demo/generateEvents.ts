// Pure generation of one lead's events: a long-tailed number of sessions,
// bunched into bursts, each a short run of related events. Every event lies in
// [lead.createdAt, now]; times are epoch milliseconds.

import { CAMPAIGNS, FORMS, PATHS, WEBINARS } from './catalog';
import { DAY_MS, type DemoLead } from './generateLeads';
import type { Random } from './random';

export interface DemoEvent {
  type: string;
  /** Epoch ms. */
  occurredAt: number;
  /** Event properties are strings only (the rule language's contract). */
  properties: Record<string, string>;
}

type SessionKind = 'web' | 'email' | 'webinar' | 'trial' | 'meeting';
const KINDS: readonly (readonly [SessionKind, number])[] = [['web', 60], ['email', 30], ['webinar', 4], ['trial', 3], ['meeting', 3]];
const LANDING: readonly (readonly [string, number])[] = [['/pricing', 3], ['/features/scoring', 2], ['/blog/what-is-lead-scoring', 2], ['/customers', 1]];

/** The lead's events in time order; empty for a silent lead. */
export function generateEvents(rng: Random, lead: DemoLead, now: number): DemoEvent[] {
  const sessions = sessionCount(rng, lead, now);
  if (sessions === 0) return [];
  const start = lead.createdAt;
  const span = now - start;
  const bursts = Array.from({ length: rng.int(1, 3) }, () => start + Math.floor(rng.float() * span));
  const events: DemoEvent[] = [];
  for (let s = 0; s < sessions; s++) {
    let at: number;
    if (s === 0 && rng.chance(0.6)) {
      at = start; // the visit that created the lead
    } else if (rng.chance(0.5)) {
      // Near a burst: within about three days either side.
      at = rng.pick(bursts) + Math.round((rng.float() - 0.5) * 6 * DAY_MS * rng.float());
    } else {
      at = start + Math.floor(rng.float() * span);
    }
    // The session that created the lead came through the lead's source: a webinar sign-up or a visit.
    const kind: SessionKind = s === 0 ? (lead.source === 'webinar' ? 'webinar' : 'web') : rng.weighted(KINDS);
    session(rng, kind, Math.min(Math.max(at, start), now), events);
  }
  const inRange = events.filter((e) => e.occurredAt >= start && e.occurredAt <= now);
  return inRange.sort((a, b) => a.occurredAt - b.occurredAt);
}

/** Most leads come back a few times, some often, a few are very active; some never. */
function sessionCount(rng: Random, lead: DemoLead, now: number): number {
  if (rng.chance(0.15)) return 0;
  const tier = rng.float();
  const raw = tier < 0.55 ? rng.pareto(1, 2.5) : tier < 0.88 ? rng.pareto(4, 1.6) : rng.pareto(20, 1.3);
  // A lead created hours ago has had less time to come back than one from last quarter.
  const ageDays = (now - lead.createdAt) / DAY_MS;
  return Math.max(1, Math.round(Math.min(raw, 150) * Math.min(1, 0.2 + ageDays / 20)));
}

/** Appends one session's events from `at` on; steps are seconds to minutes apart. */
function session(rng: Random, kind: SessionKind, at: number, out: DemoEvent[]): void {
  let t = at;
  const push = (type: string, properties: Record<string, string>) => {
    out.push({ type, occurredAt: t, properties });
    t += rng.int(3_000, 240_000);
  };
  switch (kind) {
    case 'web': {
      const pages = 1 + Math.min(30, Math.floor(rng.pareto(1, 1.6)));
      for (let i = 0; i < pages; i++) push('page_view', { path: rng.weighted(PATHS) });
      if (rng.chance(0.12)) push('form_submit', { form: rng.weighted(FORMS) });
      return;
    }
    case 'email': {
      const campaign = rng.weighted(CAMPAIGNS);
      push('email_open', { campaign });
      if (rng.chance(0.35)) {
        push('email_click', { campaign });
        if (rng.chance(0.7)) push('page_view', { path: rng.weighted(LANDING) });
      }
      return;
    }
    case 'webinar': {
      const webinar = rng.pick(WEBINARS);
      push('form_submit', { form: 'webinar-registration' });
      push('webinar_registered', { webinar });
      if (rng.chance(0.6)) {
        t += rng.int(1, 7) * DAY_MS; // attended on the day, possibly after now (then dropped)
        push('webinar_attended', { webinar });
      }
      return;
    }
    case 'trial':
      push('page_view', { path: '/pricing' });
      push('trial_started', { plan: rng.pick(['pro', 'team']) });
      return;
    case 'meeting':
      push('meeting_booked', { with: rng.pick(['sales', 'solutions-engineer']) });
      return;
  }
}

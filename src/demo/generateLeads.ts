// Pure generation of the demo's leads: no database, fully determined by the
// Random stream and `now`. Times are epoch milliseconds (the store keeps ms).

import { EMPLOYEE_BUCKETS, INDUSTRIES, INTERESTS, PLANS, SOURCES, TITLES } from './catalog';
import type { Locale } from './locale';
import { LATIN_LOCALES } from './localesLatin';
import { OTHER_LOCALES } from './localesOther';
import type { Random } from './random';
import { nativeOf, slug, type Name } from './text';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One lead row, before the database gives it an id. */
export interface DemoLead {
  externalId: string;
  email: string | null;
  firstName: string;
  lastName: string;
  title: string | null;
  company: string | null;
  industry: string | null;
  country: string;
  source: string;
  employees: number | null;
  annualRevenue: number | null;
  attributes: { [key: string]: JsonValue };
  /** Epoch ms, within the 120 days before `now`. */
  createdAt: number;
}

interface Company {
  readonly name: string;
  readonly domain: string;
  readonly industry: string;
  readonly employees: number;
  readonly annualRevenue: number | null;
}

export const DAY_MS = 86_400_000;
/** How far back the demo's history reaches. */
export const HISTORY_MS = 120 * DAY_MS;

const LOCALES: readonly Locale[] = [...LATIN_LOCALES, ...OTHER_LOCALES];
const EU = new Set(['Germany', 'France', 'Spain', 'Greece']);

/** `count` leads with unique external ids ("demo-000001") and case-insensitively unique emails. */
export function generateLeads(rng: Random, count: number, now: number): DemoLead[] {
  const companies = new Map(LOCALES.map((locale) => [locale, makeCompanies(rng, locale)] as const));
  const takenEmails = new Set<string>();
  const leads: DemoLead[] = [];
  for (let i = 1; i <= count; i++) {
    const locale = rng.weighted(LOCALES.map((l) => [l, l.weight] as const));
    leads.push(makeLead(rng, i, locale, companies.get(locale) ?? [], takenEmails, now));
  }
  return leads;
}

function makeCompanies(rng: Random, locale: Locale): Company[] {
  return locale.companyStems.map((stem, i) => {
    const employees = Math.round(rng.logUniform(...rng.weighted(EMPLOYEE_BUCKETS)));
    return {
      name: locale.companyForms[i % locale.companyForms.length].replace('{}', nativeOf(stem)),
      domain: `${slug(stem, '-')}.${locale.tld}`,
      industry: rng.weighted(INDUSTRIES),
      employees,
      // Revenue per head varies about tenfold; a quarter of companies never disclose it.
      annualRevenue: rng.chance(0.25) ? null : Math.round((employees * rng.logUniform(40_000, 400_000)) / 1000) * 1000,
    };
  });
}

function makeLead(rng: Random, n: number, locale: Locale, companies: readonly Company[], taken: Set<string>, now: number): DemoLead {
  const female = rng.chance(0.5);
  const first = rng.pick(female ? locale.femaleFirstNames : locale.maleFirstNames);
  const lastIndex = rng.int(0, locale.lastNames.length - 1);
  const last = (female ? locale.femaleLastNames?.[lastIndex] : undefined) ?? locale.lastNames[lastIndex];
  // A few big accounts bring many leads: company i is chosen with weight 1/(i+1).
  const company = rng.chance(0.05) ? null : rng.weighted(companies.map((c, i) => [c, 1 / (i + 1)] as const));
  const title = pickTitle(rng, locale);
  const student = title !== null && /student|estudiante|étudiant|estudante|öğrenci|студент|φοιτητής|学生|intern/i.test(title);
  const freeMail = company === null || rng.chance(student ? 0.75 : 0.15);
  const domain = freeMail ? rng.pick(['gmail.com', 'gmail.com', 'yahoo.com', ...locale.freeMail]) : (company as Company).domain;
  const source = rng.weighted(SOURCES);
  return {
    externalId: `demo-${String(n).padStart(6, '0')}`,
    email: rng.chance(0.02) ? null : uniqueEmail(rng, first, last, domain, freeMail, taken),
    firstName: nativeOf(first),
    lastName: nativeOf(last),
    title,
    company: company?.name ?? null,
    industry: company?.industry ?? null,
    country: locale.country,
    source,
    // Not every lead is enriched: some sizes and revenues are unknown.
    employees: company === null || rng.chance(0.1) ? null : company.employees,
    annualRevenue: company?.annualRevenue ?? null,
    attributes: makeAttributes(rng, locale, source),
    // Skewed towards recent days (the funnel grows), never later than one second before now.
    createdAt: now - 1000 - Math.floor(Math.pow(rng.float(), 1.3) * (HISTORY_MS - 1000)),
  };
}

function pickTitle(rng: Random, locale: Locale): string | null {
  if (rng.chance(0.05)) return null;
  if (locale.localTitles.length > 0 && rng.chance(0.35)) return rng.pick(locale.localTitles);
  return rng.weighted(TITLES);
}

/** first.last@domain and the other usual patterns; on a case-insensitive clash, a number is added. */
function uniqueEmail(rng: Random, first: Name, last: Name, domain: string, freeMail: boolean, taken: Set<string>): string {
  const f = slug(first);
  const l = slug(last);
  const pattern = rng.int(0, 3);
  let local = pattern === 0 ? `${f}.${l}` : pattern === 1 ? `${f[0]}${l}` : pattern === 2 ? `${f}_${l}` : f;
  if (freeMail && rng.chance(0.5)) local += String(rng.int(1, 99));
  // Some people type their address capitalised; uniqueness is on lower(email).
  if (rng.chance(0.05)) local = local.replace(/(^|[._])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  let email = `${local}@${domain}`;
  for (let k = 2; taken.has(email.toLowerCase()); k++) email = `${local}${k}@${domain}`;
  taken.add(email.toLowerCase());
  return email;
}

/** Custom attributes with mixed JSON types: strings, integers, floats, booleans, arrays, null. */
function makeAttributes(rng: Random, locale: Locale, source: string): { [key: string]: JsonValue } {
  const a: { [key: string]: JsonValue } = { language: locale.language };
  if (rng.chance(0.8)) {
    const plan = rng.weighted(PLANS);
    a.plan = plan;
    if (plan !== 'free') a.seats = plan === 'enterprise' ? rng.int(50, 2000) : rng.int(1, 40);
    if (plan === 'pro' || plan === 'enterprise') a.mrr = Math.round(rng.logUniform(49, 20_000) * 100) / 100;
  }
  if (rng.chance(0.7)) a.newsletter = rng.chance(0.6);
  if (EU.has(locale.country)) a.gdpr_consent = rng.chance(0.85);
  if (rng.chance(0.4)) a.interests = INTERESTS.filter(() => rng.chance(0.3));
  if (source === 'paid_search') a.utm_campaign = rng.chance(0.2) ? null : rng.pick(['brand', 'competitor', 'lead-scoring-software']);
  return a;
}

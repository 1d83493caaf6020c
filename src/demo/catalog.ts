// Country-independent sample values: titles, industries, sources, and what the
// demo's website, emails and forms are called. Weights are relative shares.

/** English job titles by seniority; local-language titles come from the locale. */
export const TITLES: readonly (readonly [string, number])[] = [
  ['CEO', 3], ['CTO', 2], ['CMO', 2], ['CFO', 1], ['COO', 1], ['Founder', 2],
  ['VP of Sales', 3], ['VP Marketing', 3], ['VP Engineering', 2],
  ['Director of Marketing', 5], ['Sales Director', 4], ['Director, Demand Generation', 2], ['IT Director', 2],
  ['Marketing Manager', 8], ['Product Manager', 6], ['Sales Manager', 5], ['Account Executive', 4],
  ['Software Engineer', 8], ['Senior Data Engineer', 3], ['DevOps Engineer', 2],
  ['Marketing Analyst', 4], ['Business Analyst', 3], ['Consultant', 3], ['Operations Specialist', 2],
  ['Student', 4], ['Intern', 2],
];

export const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['SaaS', 20], ['Fintech', 10], ['Healthcare', 10], ['Retail', 10], ['Manufacturing', 10],
  ['Education', 7], ['Logistics', 6], ['Media', 5], ['Consulting', 7], ['Government', 3],
  ['Energy', 4], ['Telecommunications', 4], ['Insurance', 4],
];

/** Company size buckets [min, max, share]: most companies small, a few giants. */
export const EMPLOYEE_BUCKETS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 10], 28], [[11, 50], 25], [[51, 200], 20], [[201, 1000], 15],
  [[1001, 5000], 7], [[5001, 50000], 4], [[50001, 300000], 1],
];

export const SOURCES: readonly (readonly [string, number])[] = [
  ['organic', 35], ['paid_search', 22], ['webinar', 10], ['referral', 12], ['event', 8], ['partner', 8],
];

export const PLANS: readonly (readonly [string, number])[] = [
  ['free', 40], ['trial', 30], ['pro', 20], ['enterprise', 10],
];

export const INTERESTS: readonly string[] = ['analytics', 'crm', 'automation', 'integrations', 'reporting', 'ai', 'security'];

const BLOG_SLUGS = [
  'what-is-lead-scoring', 'fit-vs-engagement', 'decay-explained', 'b2b-funnel-benchmarks-2026',
  'scoring-rules-that-work', 'from-mql-to-sql', 'gdpr-and-tracking', 'intent-signals',
];

/** Website paths with their share of page views; a few localised ones carry non-ASCII. */
export const PATHS: readonly (readonly [string, number])[] = [
  ['/', 20], ['/pricing', 10], ['/customers', 4], ['/about', 2], ['/contact', 2],
  ...BLOG_SLUGS.map((s) => [`/blog/${s}`, 3] as const),
  ['/docs/getting-started', 4], ['/docs/api/graphql', 3], ['/docs/rules/decay', 2], ['/docs/integrations/webhooks', 2],
  ['/features/scoring', 5], ['/features/integrations', 3], ['/features/realtime', 2],
  ['/de/preise', 1], ['/fr/tarifs', 1], ['/ja/料金', 1], ['/de/blog/künstliche-intelligenz', 1],
];

export const CAMPAIGNS: readonly (readonly [string, number])[] = [
  ['spring-launch', 5], ['webinar-invite', 4], ['newsletter-2026-08', 3], ['newsletter-2026-09', 4],
  ['newsletter-2026-10', 5], ['product-update-q3', 3], ['onboarding-day-3', 2], ['black-friday', 2],
];

export const FORMS: readonly (readonly [string, number])[] = [
  ['demo-request', 3], ['contact', 3], ['newsletter', 5], ['ebook-download', 4],
];

export const WEBINARS: readonly string[] = ['scoring-101', 'rules-deep-dive', 'revops-roundtable'];

// The shape of one country's sample data. The data itself is in localesLatin.ts
// (Latin-script countries) and localesOther.ts (Cyrillic, Greek, CJK).

import type { Name } from './text';

export interface Locale {
  /** Stored in leads.country, in English ("Germany"). */
  readonly country: string;
  /** ISO 639-1 code, stored as attributes.language. */
  readonly language: string;
  /** Relative share of the demo's leads. */
  readonly weight: number;
  readonly maleFirstNames: readonly Name[];
  readonly femaleFirstNames: readonly Name[];
  readonly lastNames: readonly Name[];
  /** Where surnames take a feminine form (Russian, Greek): same length and order as lastNames. */
  readonly femaleLastNames?: readonly Name[];
  /** Company name stems; each stem is one company, whose domain is the stem's slug. */
  readonly companyStems: readonly Name[];
  /** Legal-form templates, `{}` replaced by the stem: "{} GmbH", "ООО «{}»", "株式会社{}". */
  readonly companyForms: readonly string[];
  /** Top-level domain of the country's business domains ("de", "co.jp"). */
  readonly tld: string;
  /** Free-mail providers popular there (besides gmail.com and yahoo.com). */
  readonly freeMail: readonly string[];
  /** Job titles in the local language; empty where English is the business language. */
  readonly localTitles: readonly string[];
}

// Maps stored rows to what the rule language sees of a lead.

import type { EventFacts, LeadFacts } from '../dsl/facts';
import type { EventRecord, LeadRecord } from '../leads/lead.model';

export function leadFacts(lead: LeadRecord): LeadFacts {
  return {
    email: lead.email,
    first_name: lead.firstName,
    last_name: lead.lastName,
    title: lead.title,
    company: lead.company,
    industry: lead.industry,
    country: lead.country,
    source: lead.source,
    employees: lead.employees,
    annual_revenue: lead.annualRevenue,
    created_at: lead.createdAt.getTime(),
    attributes: lead.attributes,
  };
}

export function eventFacts(event: EventRecord): EventFacts {
  return { type: event.type, occurredAt: event.occurredAt.getTime(), properties: event.properties };
}

import { checkBatchSize, validateEvents, validateLeads } from './lead.validation';

const NOW = Date.UTC(2026, 5, 1);
const failure = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; details: Record<string, unknown>; message: string };
    return { code: e.code, ...e.details, message: e.message };
  }
  return null;
};

describe('lead and event validation', () => {
  it('accepts well-formed batches', () => {
    expect(failure(() => validateLeads([{ externalId: 'a' }, { email: 'b@example.com', attributes: { plan: 'x' } }]))).toBeNull();
    expect(failure(() => validateEvents([{ leadExternalId: 'a', type: 'page_view', properties: { path: '/' } }], NOW))).toBeNull();
  });

  it.each([
    [[{}], { code: 'INVALID_LEAD', index: 0, field: 'externalId' }],
    [[{ externalId: 'a' }, { email: 'nope' }], { code: 'INVALID_LEAD', index: 1, field: 'email' }],
    [[{ email: 'A@x.io' }, { email: 'a@X.io' }], { code: 'INVALID_LEAD', index: 1, field: 'email' }],
    [[{ externalId: 'a', title: 'x'.repeat(1001) }], { code: 'INVALID_LEAD', index: 0, field: 'title' }],
    [[{ externalId: 'a', annualRevenue: Number.POSITIVE_INFINITY }], { code: 'INVALID_LEAD', index: 0, field: 'annualRevenue' }],
  ])('names the first bad lead: %j', (leads, expected) => {
    expect(failure(() => validateLeads(leads))).toMatchObject(expected);
  });

  it.each([
    [{ type: 'page_view' }, 'UNKNOWN_LEAD', 'leadId'],
    [{ leadId: 'x', type: '1abc' }, 'INVALID_EVENT_TYPE', 'type'],
    [{ leadId: 'x', type: 'a', occurredAt: new Date(NOW + 2 * 86_400_000) }, 'INVALID_TIMESTAMP', 'occurredAt'],
    [{ leadId: 'x', type: 'a', properties: { n: 1 } }, 'INVALID_PROPERTIES', 'properties'],
    [{ leadId: 'x', type: 'a', idempotencyKey: '' }, 'BAD_USER_INPUT', 'idempotencyKey'],
  ])('names the first bad event: %j', (event, code, field) => {
    expect(failure(() => validateEvents([{ leadId: 'x', type: 'ok' }, event], NOW))).toMatchObject({ code, index: 1, field });
  });

  it('refuses a batch over the limit', () => {
    expect(failure(() => checkBatchSize('event', 1001, 1000))).toMatchObject({ code: 'BATCH_TOO_LARGE', max: 1000, size: 1001 });
    expect(failure(() => checkBatchSize('event', 1000, 1000))).toBeNull();
  });
});

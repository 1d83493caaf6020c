// The benchmark model (bench/dslModel.ts MODEL_SOURCE with SETTINGS) written
// by hand as ONE SQL statement: what a developer would write without the rule
// language, one GROUP BY scan of events with FILTERed aggregates joined to
// leads. The bench checks it gives the same fit, engagement, total, grade and
// stage as the SQL backend for every lead, then compares their times.
//
// $1 workspace id (uuid), $2 asOf (timestamptz). Windows are in hours, which
// are absolute (days would follow the session's time zone across DST).

/** Grade cutoffs on fit (DEFAULT_GRADE_BANDS x maxScore 100) and stage thresholds of SETTINGS; the bench asserts they agree. */
export const HAND_WRITTEN_SETTINGS = { gradeA: 75, gradeB: 50, gradeC: 25, mql: 30, sql: 60, sqlMinFit: 20, minScore: 0, maxScore: 100 };

export const HAND_WRITTEN_SELECT = `
WITH a AS (
  SELECT e.lead_id,
    max(e.occurred_at) AS last_at,
    count(*) FILTER (WHERE e.type = 'page_view' AND e.properties->>'path' = '/pricing') AS pricing,
    count(*) FILTER (WHERE e.type = 'form_submit' AND e.properties->>'form' = 'demo-request') AS demo,
    count(*) FILTER (WHERE e.type = 'form_submit' AND e.properties->>'form' = 'demo-request' AND e.occurred_at > $2::timestamptz - interval '720 hours') AS demo30,
    count(*) FILTER (WHERE e.type = 'page_view' AND e.properties->>'path' LIKE '/blog/%' AND e.occurred_at > $2::timestamptz - interval '720 hours') AS blog30,
    sum(3 * power(0.5::float8, div((extract(epoch FROM $2::timestamptz) - extract(epoch FROM e.occurred_at)) * 1000, 1209600000)::float8))
      FILTER (WHERE e.type = 'email_open') AS opens,
    count(*) FILTER (WHERE e.type = 'email_click' AND e.properties->>'campaign' = 'spring-launch') AS spring,
    count(*) FILTER (WHERE e.type = 'email_click' AND e.occurred_at > $2::timestamptz - interval '168 hours') AS clicks7,
    count(*) FILTER (WHERE e.type = 'webinar' AND e.properties->>'topic' = 'pricing' AND e.occurred_at > $2::timestamptz - interval '1440 hours') AS webinar60,
    count(*) FILTER (WHERE e.type = 'page_view' AND jsonb_typeof(e.properties->'path') = 'string') AS views
  FROM events e
  WHERE e.workspace_id = $1::uuid AND e.occurred_at <= $2::timestamptz
  GROUP BY e.lead_id
), s AS (
  SELECT l.id AS lead_id,
    round((
        CASE WHEN l.employees >= 200 THEN 15 ELSE 0 END
      + CASE WHEN lower(l.industry COLLATE pg_c_utf8) IN ('saas', 'fintech') THEN 10 ELSE 0 END
      + CASE WHEN lower(l.email COLLATE pg_c_utf8) LIKE '%@gmail.com' THEN -30 ELSE 0 END
      + CASE WHEN lower(l.title COLLATE pg_c_utf8) LIKE '%director%' OR lower(l.title COLLATE pg_c_utf8) LIKE '%vp%' THEN 5 ELSE 0 END
      + CASE WHEN lower(l.country COLLATE pg_c_utf8) IN ('us', 'ca', 'gb') THEN 5 ELSE 0 END
      + CASE WHEN lower((l.attributes->>'plan') COLLATE pg_c_utf8) = 'enterprise' THEN 3 ELSE 0 END
      + CASE WHEN l.annual_revenue > 1000000 THEN 4 ELSE 0 END
      + CASE WHEN l.company IS NULL OR l.company = '' THEN -10 ELSE 0 END
      + CASE WHEN lower(l.source COLLATE pg_c_utf8) = 'webinar' THEN 2 ELSE 0 END
    )::numeric, 2)::float8 AS fit,
    round((
        CASE WHEN a.pricing > 0 THEN 10 ELSE 0 END
      + CASE WHEN a.demo30 > 0 THEN 20 ELSE 0 END
      + least(2 * coalesce(a.blog30, 0), 20)
      + least(coalesce(a.opens, 0), 15)
      + CASE WHEN a.spring >= 2 THEN 5 ELSE 0 END
      + CASE WHEN coalesce(a.last_at, l.created_at) < $2::timestamptz - interval '2160 hours' THEN -20 ELSE 0 END
      + least(coalesce(a.clicks7, 0), 5)
      + CASE WHEN a.webinar60 > 0 THEN 8 ELSE 0 END
      + CASE WHEN a.views >= 10 THEN 4 ELSE 0 END
    )::numeric, 2)::float8 AS engagement,
    coalesce(a.demo, 0) > 0 AS qualifies_sql,
    coalesce(lower(l.email COLLATE pg_c_utf8) LIKE '%@competitor.example', false) AS disqualified
  FROM leads l LEFT JOIN a ON a.lead_id = l.id
  WHERE l.workspace_id = $1::uuid
), t AS (
  SELECT s.*, round(least(greatest(s.fit + s.engagement, 0), 100)::numeric, 2)::float8 AS total FROM s
)
SELECT t.lead_id, t.fit, t.engagement, t.total,
  CASE WHEN t.fit >= 75 THEN 'A' WHEN t.fit >= 50 THEN 'B' WHEN t.fit >= 25 THEN 'C' ELSE 'D' END AS grade,
  CASE WHEN t.disqualified THEN 'disqualified'
       WHEN (t.total >= 60 AND t.fit >= 20) OR t.qualifies_sql THEN 'SQL'
       WHEN t.total >= 30 THEN 'MQL' END AS stage
FROM t`;

/** The same scores written where the SQL backend writes them: $3 model id, $4 version. */
export const HAND_WRITTEN_UPSERT = `
INSERT INTO lead_scores AS ls (workspace_id, model_id, lead_id, version, total, fit, engagement, grade, stage, computed_at)
SELECT $1::uuid, $3::uuid, h.lead_id, $4::int, h.total, h.fit, h.engagement, h.grade, h.stage, $2::timestamptz FROM (${HAND_WRITTEN_SELECT}) h
ON CONFLICT (workspace_id, model_id, lead_id) DO UPDATE SET
  version = excluded.version, total = excluded.total, fit = excluded.fit, engagement = excluded.engagement,
  grade = excluded.grade, stage = excluded.stage, computed_at = excluded.computed_at`;

-- +10 when visited("/pricing")
-- +20 when submitted("demo-request") within 30d
-- +2 per visited("/blog/*") within 30d max 20
-- +5 when count(clicked_email("spring-launch")) >= 2
-- -20 when inactive > 90d
-- values: [75,50,25,"disqualified",["MQL","SQL"],60,20,1,30,0,1,"+10 when visited(\"/pricing\")","engagement",2,"+20 when submitted(\"demo-request\") within 30d","engagement",3,"+2 per visited(\"/blog/*\") within 30d max 20","engagement",4,"+5 when count(clicked_email(\"spring-launch\")) >= 2","engagement",5,"-20 when inactive > 90d","engagement",0,100,10,20,2,20,2,5,"2025-03-03T12:00:00.000Z",-20,"page_view","path","/pricing","form_submit","form","demo-request","2025-05-02T12:00:00.000Z","page_view","path","/blog/%","2025-05-02T12:00:00.000Z","email_click","campaign","spring-launch","00000000-0000-4000-8000-000000000001","2025-06-01T12:00:00.000Z"]
SELECT s3.lead_id, s3.fit, s3.engagement, s3.total, CASE WHEN s3.fit >= $1::float8 THEN 'A' WHEN s3.fit >= $2::float8 THEN 'B' WHEN s3.fit >= $3::float8 THEN 'C' ELSE 'D' END AS grade, CASE WHEN s3.dq THEN $4::text ELSE ($5::text[])[greatest(CASE WHEN s3.total >= $6::float8 AND s3.fit >= $7::float8 THEN $8::int4 WHEN s3.total >= $9::float8 THEN $10::int4 ELSE -1 END, s3.q_level) + 1] END AS stage, to_jsonb(array_remove(ARRAY[CASE WHEN round(s3."r0"::numeric, 2) <> 0 THEN jsonb_build_object('line', $11::int4, 'rule', $12::text, 'dimension', $13::text, 'points', round(s3."r0"::numeric, 2)::float8, 'eventCount', NULL::int8) END,
      CASE WHEN round(s3."r1"::numeric, 2) <> 0 THEN jsonb_build_object('line', $14::int4, 'rule', $15::text, 'dimension', $16::text, 'points', round(s3."r1"::numeric, 2)::float8, 'eventCount', NULL::int8) END,
      CASE WHEN round(s3."r2"::numeric, 2) <> 0 THEN jsonb_build_object('line', $17::int4, 'rule', $18::text, 'dimension', $19::text, 'points', round(s3."r2"::numeric, 2)::float8, 'eventCount', s3."n2") END,
      CASE WHEN round(s3."r3"::numeric, 2) <> 0 THEN jsonb_build_object('line', $20::int4, 'rule', $21::text, 'dimension', $22::text, 'points', round(s3."r3"::numeric, 2)::float8, 'eventCount', NULL::int8) END,
      CASE WHEN round(s3."r4"::numeric, 2) <> 0 THEN jsonb_build_object('line', $23::int4, 'rule', $24::text, 'dimension', $25::text, 'points', round(s3."r4"::numeric, 2)::float8, 'eventCount', NULL::int8) END]::jsonb[], NULL)) AS explanation
FROM (SELECT s2.*, round((least(greatest(s2.fit + s2.engagement, $26::float8), $27::float8))::numeric, 2)::float8 AS total
    FROM (SELECT s1.*, round((0::float8)::numeric, 2)::float8 AS fit, round(((((((0::float8 + "s1"."r0") + "s1"."r1") + "s1"."r2") + "s1"."r3") + "s1"."r4"))::numeric, 2)::float8 AS engagement
    FROM (SELECT l.id AS lead_id,
      CASE WHEN (coalesce("a"."k1", 0) > 0) THEN $28::float8 ELSE 0::float8 END AS "r0",
      CASE WHEN (coalesce("a"."k2", 0) > 0) THEN $29::float8 ELSE 0::float8 END AS "r1",
      least(greatest($30::float8 * coalesce("a"."k3", 0)::float8, -$31::float8), $31::float8) AS "r2",
      coalesce("a"."k3", 0) AS "n2",
      CASE WHEN (coalesce("a"."k4", 0)::float8 >= $32::float8) THEN $33::float8 ELSE 0::float8 END AS "r3",
      CASE WHEN (coalesce("a"."last_at", "l"."created_at") < $34::timestamptz) IS TRUE THEN $35::float8 ELSE 0::float8 END AS "r4",
      greatest(-1, -1) AS q_level,
      FALSE AS dq
    FROM leads l
  LEFT JOIN (
    SELECT "e"."lead_id",
      max("e"."occurred_at") AS last_at,
      count(*) FILTER (WHERE "e"."type" = $36::text AND jsonb_typeof(("e"."properties" -> $37::text)) = 'string' AND (("e"."properties" -> $37::text) #>> '{}') COLLATE "C" LIKE $38::text) AS "k1",
      count(*) FILTER (WHERE "e"."type" = $39::text AND ("e"."properties" -> $40::text) = to_jsonb($41::text) AND "e"."occurred_at" > $42::timestamptz) AS "k2",
      count(*) FILTER (WHERE "e"."type" = $43::text AND jsonb_typeof(("e"."properties" -> $44::text)) = 'string' AND (("e"."properties" -> $44::text) #>> '{}') COLLATE "C" LIKE $45::text AND "e"."occurred_at" > $46::timestamptz) AS "k3",
      count(*) FILTER (WHERE "e"."type" = $47::text AND ("e"."properties" -> $48::text) = to_jsonb($49::text)) AS "k4"
    FROM events e
    WHERE e.workspace_id = $50::uuid AND "e"."occurred_at" <= $51::timestamptz
    GROUP BY e.lead_id
  ) "a" ON "a"."lead_id" = l.id
    WHERE l.workspace_id = $50::uuid
    OFFSET 0) s1) s2) s3

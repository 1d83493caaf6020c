-- +15 when employees >= 200
-- +10 when industry in ["SaaS", "Fintech"]
-- -30 when email ends_with "@gmail.com"
-- fit +5 when title contains "director" or attributes.plan = "pro"
-- values: [75,50,25,"disqualified",["MQL","SQL"],60,20,1,30,0,1,"+15 when employees >= 200","fit",2,"+10 when industry in [\"SaaS\", \"Fintech\"]","fit",3,"-30 when email ends_with \"@gmail.com\"","fit",4,"fit +5 when title contains \"director\" or attributes.plan = \"pro\"","fit",0,100,200,15,["saas","fintech"],10,"%@gmail.com",-30,"%director%","plan","pro",5,"00000000-0000-4000-8000-000000000001"]
SELECT s3.lead_id, s3.fit, s3.engagement, s3.total, CASE WHEN s3.fit >= $1::float8 THEN 'A' WHEN s3.fit >= $2::float8 THEN 'B' WHEN s3.fit >= $3::float8 THEN 'C' ELSE 'D' END AS grade, CASE WHEN s3.dq THEN $4::text ELSE ($5::text[])[greatest(CASE WHEN s3.total >= $6::float8 AND s3.fit >= $7::float8 THEN $8::int4 WHEN s3.total >= $9::float8 THEN $10::int4 ELSE -1 END, s3.q_level) + 1] END AS stage, to_jsonb(array_remove(ARRAY[CASE WHEN round(s3."r0"::numeric, 2) <> 0 THEN jsonb_build_object('line', $11::int4, 'rule', $12::text, 'dimension', $13::text, 'points', round(s3."r0"::numeric, 2)::float8, 'eventCount', NULL::int8) END,
      CASE WHEN round(s3."r1"::numeric, 2) <> 0 THEN jsonb_build_object('line', $14::int4, 'rule', $15::text, 'dimension', $16::text, 'points', round(s3."r1"::numeric, 2)::float8, 'eventCount', NULL::int8) END,
      CASE WHEN round(s3."r2"::numeric, 2) <> 0 THEN jsonb_build_object('line', $17::int4, 'rule', $18::text, 'dimension', $19::text, 'points', round(s3."r2"::numeric, 2)::float8, 'eventCount', NULL::int8) END,
      CASE WHEN round(s3."r3"::numeric, 2) <> 0 THEN jsonb_build_object('line', $20::int4, 'rule', $21::text, 'dimension', $22::text, 'points', round(s3."r3"::numeric, 2)::float8, 'eventCount', NULL::int8) END]::jsonb[], NULL)) AS explanation
FROM (SELECT s2.*, round((least(greatest(s2.fit + s2.engagement, $23::float8), $24::float8))::numeric, 2)::float8 AS total
    FROM (SELECT s1.*, round((((((0::float8 + "s1"."r0") + "s1"."r1") + "s1"."r2") + "s1"."r3"))::numeric, 2)::float8 AS fit, round((0::float8)::numeric, 2)::float8 AS engagement
    FROM (SELECT l.id AS lead_id,
      CASE WHEN ("l"."employees"::float8 >= $25::float8) IS TRUE THEN $26::float8 ELSE 0::float8 END AS "r0",
      CASE WHEN (lower("l"."industry" COLLATE pg_c_utf8) = ANY($27::text[])) IS TRUE THEN $28::float8 ELSE 0::float8 END AS "r1",
      CASE WHEN (lower("l"."email" COLLATE pg_c_utf8) COLLATE "C" LIKE $29::text) IS TRUE THEN $30::float8 ELSE 0::float8 END AS "r2",
      CASE WHEN ((lower("l"."title" COLLATE pg_c_utf8) COLLATE "C" LIKE $31::text) IS TRUE OR (lower((CASE WHEN jsonb_typeof(("l"."attributes" -> $32::text)) = 'string' THEN ("l"."attributes" -> $32::text) #>> '{}' END) COLLATE pg_c_utf8) = $33::text) IS TRUE) THEN $34::float8 ELSE 0::float8 END AS "r3",
      greatest(-1, -1) AS q_level,
      FALSE AS dq
    FROM leads l
    WHERE l.workspace_id = $35::uuid
    OFFSET 0) s1) s2) s3

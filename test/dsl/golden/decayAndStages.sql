-- +3 per opened_email() max 15 decay 50% every 14d
-- qualify "SQL" when submitted("demo-request")
-- disqualify when email ends_with "@competitor.example"
-- values: [75,50,25,"disqualified",["MQL","SQL"],60,20,1,30,0,1,"+3 per opened_email() max 15 decay 50% every 14d","engagement",0,100,3,499,1,0.5,2,0.25,4,0.0625,8,0.00390625,16,0.0000152587890625,32,2.3283064365386963e-10,64,5.421010862427522e-20,128,2.938735877055719e-39,256,8.636168555094445e-78,15,1,"%@competitor.example","email_open","form_submit","form","demo-request",1748779200000,1209600000,"email_open","00000000-0000-4000-8000-000000000001","2025-06-01T12:00:00.000Z"]
SELECT s3.lead_id, s3.fit, s3.engagement, s3.total, CASE WHEN s3.fit >= $1::float8 THEN 'A' WHEN s3.fit >= $2::float8 THEN 'B' WHEN s3.fit >= $3::float8 THEN 'C' ELSE 'D' END AS grade, CASE WHEN s3.dq THEN $4::text ELSE ($5::text[])[greatest(CASE WHEN s3.total >= $6::float8 AND s3.fit >= $7::float8 THEN $8::int4 WHEN s3.total >= $9::float8 THEN $10::int4 ELSE -1 END, s3.q_level) + 1] END AS stage, to_jsonb(array_remove(ARRAY[CASE WHEN round(s3."r0"::numeric, 2) <> 0 THEN jsonb_build_object('line', $11::int4, 'rule', $12::text, 'dimension', $13::text, 'points', round(s3."r0"::numeric, 2)::float8, 'eventCount', s3."n0") END]::jsonb[], NULL)) AS explanation
FROM (SELECT s2.*, round((least(greatest(s2.fit + s2.engagement, $14::float8), $15::float8))::numeric, 2)::float8 AS total
    FROM (SELECT s1.*, round((0::float8)::numeric, 2)::float8 AS fit, round(((0::float8 + "s1"."r0"))::numeric, 2)::float8 AS engagement
    FROM (SELECT l.id AS lead_id,
      least(greatest(coalesce((SELECT sum(($16::float8 * CASE WHEN "b"."k" >= $17::int8 THEN 0::float8 ELSE (((((((((1::float8 * CASE WHEN ("b"."k" & $18::int8) <> 0 THEN $19::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $20::int8) <> 0 THEN $21::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $22::int8) <> 0 THEN $23::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $24::int8) <> 0 THEN $25::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $26::int8) <> 0 THEN $27::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $28::int8) <> 0 THEN $29::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $30::int8) <> 0 THEN $31::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $32::int8) <> 0 THEN $33::float8 ELSE 1::float8 END) * CASE WHEN ("b"."k" & $34::int8) <> 0 THEN $35::float8 ELSE 1::float8 END) END) * "b"."n"::float8 ORDER BY "b"."k") FROM (SELECT u.k, count(*) AS n FROM unnest("a"."b1") AS u(k) GROUP BY u.k) b), 0::float8), -$36::float8), $36::float8) AS "r0",
      coalesce("a"."k1", 0) AS "n0",
      greatest(-1, CASE WHEN (coalesce("a"."k2", 0) > 0) THEN $37::int4 END, -1) AS q_level,
      (lower("l"."email" COLLATE pg_c_utf8) COLLATE "C" LIKE $38::text) IS TRUE AS dq
    FROM leads l
  LEFT JOIN (
    SELECT "e"."lead_id",
      max("e"."occurred_at") AS last_at,
      count(*) FILTER (WHERE "e"."type" = $39::text) AS "k1",
      count(*) FILTER (WHERE "e"."type" = $40::text AND ("e"."properties" -> $41::text) = to_jsonb($42::text)) AS "k2",
      array_agg(div($43::numeric - extract(epoch FROM "e"."occurred_at") * 1000, $44::numeric)::int8) FILTER (WHERE "e"."type" = $45::text) AS "b1"
    FROM events e
    WHERE e.workspace_id = $46::uuid AND "e"."occurred_at" <= $47::timestamptz
    GROUP BY e.lead_id
  ) "a" ON "a"."lead_id" = l.id
    WHERE l.workspace_id = $46::uuid
    OFFSET 0) s1) s2) s3

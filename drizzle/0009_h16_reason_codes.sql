-- Hand-written: reasons still stored as English text become codes with parameters, so they are
-- shown in the reader's language (lib/submissions/status-reason.ts). 0006 left as `legacy` the
-- causes it could not read, and kept Maskinporten's English explanation as `detail`; this reads
-- the texts the engine wrote then: "No answer within N ms", a network error code, and the
-- Maskinporten client's "<MP code> <explanation>" (lib/maskinporten/errors.ts gives the keys).
CREATE FUNCTION pg_temp.h16_reason(r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN r->>'code' = 'legacy' AND r->'params'->>'text' ~ '^No answer within \d+ ms$'
      THEN jsonb_build_object('code', 'timeout', 'params', jsonb_build_object(
        'seconds', round((substring(r->'params'->>'text' from '(\d+)'))::numeric / 1000)::int))
    WHEN r->>'code' = 'legacy' AND r->'params'->>'text' ~ '^[A-Z][A-Z0-9_]{2,40}$'
      THEN jsonb_build_object('code', 'network_error', 'params', jsonb_build_object('detail', r->'params'->>'text'))
    WHEN r->>'code' = 'token_unavailable' AND r->'params' ? 'detail'
      THEN jsonb_build_object('code', 'token_unavailable', 'params', jsonb_strip_nulls(jsonb_build_object(
        'maskinporten', CASE substring(r->'params'->>'detail' from 'MP-\d{3}')
          WHEN 'MP-011' THEN 'invalid_parameter'
          WHEN 'MP-012' THEN 'reused_grant'
          WHEN 'MP-100' THEN 'unknown_client'
          WHEN 'MP-110' THEN 'wrong_audience'
          WHEN 'MP-120' THEN 'invalid_certificate'
          WHEN 'MP-121' THEN 'expired_key'
          WHEN 'MP-122' THEN 'certificate_org_mismatch'
          WHEN 'MP-123' THEN 'invalid_x5c_header'
          WHEN 'MP-124' THEN 'bad_signature'
          WHEN 'MP-130' THEN 'expired_grant'
          WHEN 'MP-200' THEN 'invalid_scope'
          WHEN 'MP-201' THEN 'scope_not_allowed_for_maskinporten'
          WHEN 'MP-250' THEN 'no_access_to_scope'
          WHEN 'MP-251' THEN 'not_delegated'
          WHEN 'MP-301' THEN 'authorization_details_type'
          WHEN 'MP-302' THEN 'authorization_details_fields'
          WHEN 'MP-303' THEN 'authorization_details_values'
          ELSE CASE
            WHEN r->'params'->>'detail' ~ '^(Could not reach Maskinporten|Maskinporten did not answer)' THEN 'network'
            WHEN r->'params'->>'detail' ~ '^Maskinporten had a server error \(HTTP \d{3}\)' THEN 'server'
            ELSE 'unknown'
          END
        END,
        'status', substring(r->'params'->>'detail' from '^Maskinporten had a server error \(HTTP (\d{3})\)'),
        'mpCode', substring(r->'params'->>'detail' from 'MP-\d{3}'))))
    ELSE r
  END
$$;--> statement-breakpoint
UPDATE "submissions" SET
  "status_reason_code" = pg_temp.h16_reason(jsonb_build_object('code', "status_reason_code", 'params', "status_reason_params"))->>'code',
  "status_reason_params" = pg_temp.h16_reason(jsonb_build_object('code', "status_reason_code", 'params', "status_reason_params"))->'params'
WHERE "status_reason_code" IN ('legacy', 'token_unavailable');--> statement-breakpoint
UPDATE "submissions" SET
  "status_reason_params" = jsonb_set("status_reason_params", '{cause}', pg_temp.h16_reason("status_reason_params"->'cause'))
WHERE "status_reason_code" = 'gave_up' AND "status_reason_params"->'cause'->>'code' IN ('legacy', 'token_unavailable');--> statement-breakpoint
DROP FUNCTION pg_temp.h16_reason(jsonb);

ALTER TABLE "amelding_feedback" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "amelding_feedback" ADD COLUMN "last_error_params" jsonb;--> statement-breakpoint
-- Hand-written: problems the feedback follower stored as English text become codes with
-- parameters, shown in the reader's language (lib/submissions/feedback/feedback-problem.ts).
-- The texts are those lib/submissions/feedback/feedback-follower.ts and the Dialogporten client
-- wrote before; what cannot be read is kept as `legacy` with the text. last_error is kept as it was.
CREATE FUNCTION pg_temp.h16_feedback_problem(t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE m text[];
BEGIN
  IF t IS NULL THEN RETURN NULL; END IF;
  m := regexp_match(t, '^No feedback within (\d+) hours of acceptance \(last: (.*)\)$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'no_feedback_in_time', 'params',
      jsonb_build_object('hours', m[1]::int, 'cause', pg_temp.h16_feedback_problem(m[2])));
  END IF;
  m := regexp_match(t, '^No feedback within (\d+) hours of acceptance$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'no_feedback_in_time', 'params', jsonb_build_object('hours', m[1]::int));
  END IF;
  m := regexp_match(t, '^(.*) after (\d+) checks$');
  IF m IS NOT NULL AND (m[1] ~ '^Dialog .+ was not found in Dialogporten$' OR m[1] ~ '^No dialog for this submission') THEN
    RETURN jsonb_build_object('code', 'dialog_gave_up', 'params',
      jsonb_build_object('checks', m[2]::int, 'cause', pg_temp.h16_feedback_problem(m[1])));
  END IF;
  IF t = 'No dialog for this submission in the organisation''s Dialogporten dialogs' THEN
    RETURN jsonb_build_object('code', 'dialog_not_in_search');
  END IF;
  m := regexp_match(t, '^Dialog (.+) was not found in Dialogporten$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'dialog_not_found', 'params', jsonb_build_object('dialogId', m[1]));
  END IF;
  IF t = 'The feedback transmission is there, but the system user may not open it' THEN
    RETURN jsonb_build_object('code', 'transmission_unauthorized');
  END IF;
  m := regexp_match(t, '^The feedback is at (.+), outside AMELDING_TILBAKEMELDING_API_URL \((.+)\); not sending our token there$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'feedback_outside_api', 'params', jsonb_build_object('origin', m[1], 'configured', m[2]));
  END IF;
  IF t ~ '^Feedback API: No answer within \d+ ms$' THEN
    RETURN jsonb_build_object('code', 'feedback_api_timeout');
  END IF;
  m := regexp_match(t, '^Feedback API: (.+)$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'feedback_api_unreachable', 'params', jsonb_build_object('detail', m[1]));
  END IF;
  m := regexp_match(t, '^Feedback API answered HTTP (\d{3})(?: \(([^)]*)\))?(?:: (.*))?$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'feedback_api_http', 'params', jsonb_strip_nulls(
      jsonb_build_object('status', m[1]::int, 'codes', m[2], 'melding', m[3])));
  END IF;
  IF t ~ '^The feedback document is not (JSON|a JSON object)$' THEN
    RETURN jsonb_build_object('code', 'feedback_unreadable');
  END IF;
  IF t ~ '^Dialogporten did not answer within \d+ ms$' THEN
    RETURN jsonb_build_object('code', 'dialogporten_timeout');
  END IF;
  m := regexp_match(t, '^Could not reach Dialogporten \((.*)\)$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'dialogporten_unreachable', 'params', jsonb_build_object('detail', m[1]));
  END IF;
  m := regexp_match(t, '^Dialogporten answered HTTP (\d{3}) with a body');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'dialogporten_unreadable', 'params', jsonb_build_object('status', m[1]::int));
  END IF;
  m := regexp_match(t, '^Dialogporten answered HTTP (\d{3})(?: \((.*)\))?$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'dialogporten_http', 'params', jsonb_strip_nulls(
      jsonb_build_object('status', m[1]::int, 'detail', m[2])));
  END IF;
  IF t = 'Dialogporten''s transmission list is not an array' THEN
    RETURN jsonb_build_object('code', 'dialogporten_unreadable', 'params', jsonb_build_object('status', 200));
  END IF;
  RETURN jsonb_build_object('code', 'legacy', 'params', jsonb_build_object('text', left(t, 1000)));
END
$$;--> statement-breakpoint
UPDATE "amelding_feedback" SET
  "last_error_code" = pg_temp.h16_feedback_problem("last_error")->>'code',
  "last_error_params" = pg_temp.h16_feedback_problem("last_error")->'params'
WHERE "last_error" IS NOT NULL;--> statement-breakpoint
DROP FUNCTION pg_temp.h16_feedback_problem(text);

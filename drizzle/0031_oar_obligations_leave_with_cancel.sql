-- Hand-written: a cancelled OAR submission owes nothing, so its obligations leave oar_obligations
-- with it, whichever path cancels it. Then "open" is `not accepted` alone (lib/oppdrag/
-- oar-obligations.ts) and neither the board nor the deadline scan looks up each obligation's
-- submission. Cancelling is final (lib/submissions/operations/operations.ts, cancelSubmission).
-- The status is compared as text: a database upgraded from before migration 0006 adds the enum
-- value 'cancelled' in the same transaction, and PostgreSQL refuses an uncommitted enum value.
CREATE FUNCTION oar_obligations_leave_with_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM oar_obligations WHERE submission_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER submissions_oar_obligations_cancel
  AFTER UPDATE OF status ON submissions
  FOR EACH ROW WHEN (NEW.kind = 'oar' AND NEW.status::text = 'cancelled' AND OLD.status::text <> 'cancelled')
  EXECUTE FUNCTION oar_obligations_leave_with_cancel();--> statement-breakpoint
DELETE FROM oar_obligations ob USING submissions s WHERE s.id = ob.submission_id AND s.status::text = 'cancelled';

import type { AttemptOutcome } from "@/lib/db/schema";
import type { UploadStepRecord } from "./delivery-statements";

/*
 * An A-melding over AMELDING_UPLOAD_THRESHOLD_BYTES goes through Skatteetaten's file-upload API
 * (docs/skatteetaten-contract.md, "File upload"): POST /opplastinger → GET /opplastinger/{id}
 * until KLAR_TIL_INNSENDING or VALIDERING_FEILET → PUT /innsending. Each request is an attempt
 * of its own, recorded before it is sent, and where the delivery stands is read from those
 * attempts alone, so whichever worker claims the submission next (after a wait, a transient
 * error or a crash) goes on at the step it stood at.
 */

export type UploadStep =
  | { step: "upload" }
  /** `polls`: how often this upload was found still validating; `waitingSince`: when the wait is counted from. */
  | { step: "upload_status"; uploadId: string; polls: number; waitingSince: Date }
  /** `submitMayHaveArrived`: a PUT of this upload went out and its answer is unknown. */
  | { step: "upload_submit"; uploadId: string; submitMayHaveArrived: boolean };

/** Outcomes of a request that may have reached Skatteetaten without us reading its answer. */
const UNKNOWN_OUTCOMES: readonly AttemptOutcome[] = [
  "in_flight",
  "interrupted",
  "timeout",
  "network_error",
  "unreadable_answer",
  "retryable_error",
];

/**
 * The next request of an upload delivery, from the version's earlier file-upload steps (oldest
 * first) and the start of the current round of attempts:
 * - no upload whose id we stored, or the last one is gone (404) → upload (again);
 * - an upload not yet found KLAR_TIL_INNSENDING → ask for its status;
 * - one found ready → send it in (again: PUT of the same upload is idempotent).
 * A POST whose answer we did not get made an upload we cannot name; nothing is ever sent in
 * under it, so it is left to Skatteetaten to expire.
 */
export function nextUploadStep(steps: readonly UploadStepRecord[], roundStart: Date): UploadStep {
  let current: { id: string; uploadedAt: Date; ready: boolean; polls: number; submitted: boolean } | null = null;
  for (const s of steps) {
    if (s.step === "upload") {
      if (s.outcome === "uploaded" && s.upload_id)
        current = { id: s.upload_id, uploadedAt: new Date(s.started_at), ready: false, polls: 0, submitted: false };
      continue;
    }
    if (!current || s.upload_id !== current.id) continue;
    if (s.outcome === "upload_not_found") current = null;
    else if (s.step === "upload_status" && s.outcome === "validating") current.polls += 1;
    else if (s.step === "upload_status" && s.outcome === "validated") current.ready = true;
    else if (s.step === "upload_submit" && UNKNOWN_OUTCOMES.includes(s.outcome)) current.submitted = true;
  }
  if (!current) return { step: "upload" };
  if (current.ready) return { step: "upload_submit", uploadId: current.id, submitMayHaveArrived: current.submitted };
  const waitingSince = current.uploadedAt > roundStart ? current.uploadedAt : roundStart;
  return { step: "upload_status", uploadId: current.id, polls: current.polls, waitingSince };
}

export type UploadPolling = {
  /** Pause before the second status check; it doubles per check up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long an upload may stay LASTER_OPP (this round) before the delivery fails with the reason. */
  maxWaitMs: number;
};

/** Skatteetaten publishes no validation time; a file of tens of megabytes may take minutes. */
export const DEFAULT_UPLOAD_POLLING: UploadPolling = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxWaitMs: 60 * 60_000,
};

/** The pause after the `polls`-th answer that the upload is still being validated (1-based). */
export function pollDelayMs(polls: number, polling: UploadPolling): number {
  return Math.min(polling.maxDelayMs, polling.firstDelayMs * 2 ** Math.min(30, Math.max(0, polls - 1)));
}

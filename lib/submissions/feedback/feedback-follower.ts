import "server-only";
import { type AccessOutcome, classifyAnswer, classifyTokenFailure } from "@/lib/access-health/access-outcome";
import type { Db } from "@/lib/db/client";
import { type DialogportenEndUserClient, DialogportenError } from "@/lib/dialogporten/enduser-client";
import { every, RUN_AGAIN } from "@/lib/jobs/every";
import { logger } from "@/lib/log/logger";
import { MaskinportenError, maskinportenErrorMessage } from "@/lib/maskinporten/errors";
import {
  AMELDING_DIALOG_SERVICE_RESOURCE,
  feedbackStatusOf,
  findFeedbackTransmission,
  isDialogOfSubmission,
  readFeedbackBody,
} from "@/lib/reporting/amelding/feedback-adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import type { HttpResponse, TransportFailure } from "@/lib/reporting/send-request";
import { TokenUnavailableError } from "../engine/deliver";
import { type FeedbackProblem, feedbackProblem } from "./feedback-problem";
import {
  type ClaimedFeedback,
  claimDueFeedback,
  createMissingFeedbackRows,
  type FeedbackCheckResult,
  finishFeedbackCheck,
} from "./feedback-rows";
import { nextFeedbackCheckDelayMs } from "./feedback-schedule";

export type FeedbackFollowerDeps = {
  db: Db;
  dialogporten: DialogportenEndUserClient;
  /** GETs a feedback document with the organisation's A-melding token; throws when no token can be had. */
  fetchFeedback(url: string, orgnr: string): Promise<HttpResponse | TransportFailure>;
  /** AMELDING_TILBAKEMELDING_API_URL: our token is only ever sent to this origin. */
  feedbackApiUrl: string;
  workerId: string;
  leaseMs: number;
  batchSize: number;
  /** Backoff between checks of one submission: first interval, doubling up to the ceiling. */
  firstIntervalMs: number;
  maxIntervalMs: number;
  /** A dialog not found after this many checks is given up on (Dialogporten may lag a little). */
  dialogMaxChecks: number;
  /** No feedback this long after acceptance: given up on. */
  maxWaitMs: number;
};

/** Permanent: checking again will not help until someone fixes something. */
class FollowError extends Error {
  constructor(readonly problem: FeedbackProblem) {
    super(problem.code);
  }
}
/** The dialog is not (yet) in Dialogporten. */
class DialogNotFound extends FollowError {}

function transient(error: unknown): boolean {
  if (error instanceof DialogportenError) return error.transient;
  if (error instanceof FollowError) return false;
  // MaskinportenError knows whether it is transient; anything unexpected is assumed to be.
  const flag = (error as { transient?: unknown } | null)?.transient;
  return typeof flag === "boolean" ? flag : true;
}

/** The error as a problem code and parameters; the other party's words stay parameters. */
function problemOf(error: unknown): FeedbackProblem {
  if (error instanceof FollowError) return error.problem;
  if (error instanceof DialogportenError) {
    switch (error.failure) {
      case "timeout":
        return feedbackProblem("dialogporten_timeout");
      case "network":
        return feedbackProblem("dialogporten_unreachable", { detail: error.detail ?? "" });
      case "http":
        return feedbackProblem("dialogporten_http", { status: error.status ?? "–", detail: error.detail ?? "" });
      default:
        return feedbackProblem("dialogporten_unreadable", { status: error.status ?? "–" });
    }
  }
  const mp = maskinportenProblemOf(error);
  if (mp) return feedbackProblem("token_unavailable", { maskinporten: mp.key, ...mp.values, mpCode: mp.mpCode ?? "" });
  return feedbackProblem("unexpected", { detail: error instanceof Error ? error.message : String(error) });
}

/** The dialog of the submission: the id Skatteetaten answered, else a search of the party's dialogs. */
async function findDialogId(deps: FeedbackFollowerDeps, claimed: ClaimedFeedback): Promise<string> {
  if (claimed.dialogId) return claimed.dialogId;
  const since = new Date(claimed.acceptedAt.getTime() - 24 * 3600_000).toISOString();
  const dialogs = await deps.dialogporten.searchDialogs(claimed.orgnr, {
    serviceResource: [AMELDING_DIALOG_SERVICE_RESOURCE],
    createdAfter: since,
  });
  const match = dialogs.find((d) => isDialogOfSubmission(d, claimed.receivedIds));
  if (!match?.id) throw new DialogNotFound(feedbackProblem("dialog_not_in_search"));
  return match.id;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why a token could not be had, when `error` is Maskinporten's refusal (or the engine's wrapping of
 * it); null for any other error.
 */
function maskinportenProblemOf(error: unknown) {
  return error instanceof TokenUnavailableError
    ? error.maskinporten
    : error instanceof MaskinportenError
      ? maskinportenErrorMessage(error)
      : null;
}

/**
 * One look at the dialog: the feedback document if it is there, else why not; and what the
 * look said about the organisation's access (docs/access-health.md), as a send would: a token
 * Maskinporten would not give (for Dialogporten or the feedback API), or the feedback API's answer.
 */
async function check(
  deps: FeedbackFollowerDeps,
  claimed: ClaimedFeedback,
): Promise<{ result: FeedbackCheckResult; access: AccessOutcome | null }> {
  let access: AccessOutcome | null = null;
  const result = await checkFeedback(deps, claimed, (outcome) => {
    access = outcome;
  });
  return { result, access };
}

async function checkFeedback(
  deps: FeedbackFollowerDeps,
  claimed: ClaimedFeedback,
  noteAccess: (outcome: AccessOutcome) => void,
): Promise<FeedbackCheckResult> {
  const checksDone = claimed.checkCount + 1;
  const waitMore = (lastError: FeedbackProblem | null, dialogId: string | null): FeedbackCheckResult => {
    if (Date.now() - claimed.acceptedAt.getTime() > deps.maxWaitMs) {
      const hours = Math.round(deps.maxWaitMs / 3600_000);
      return {
        status: "error",
        dialogId,
        lastError: feedbackProblem("no_feedback_in_time", lastError ? { hours, cause: lastError } : { hours }),
      };
    }
    const delay = nextFeedbackCheckDelayMs(checksDone, { firstMs: deps.firstIntervalMs, maxMs: deps.maxIntervalMs });
    return { status: "waiting", nextCheckAt: new Date(Date.now() + delay), lastError, dialogId };
  };

  let dialogId: string | null = claimed.dialogId;
  try {
    dialogId = await findDialogId(deps, claimed);
    const transmissions = await deps.dialogporten.getTransmissions(claimed.orgnr, dialogId).catch((error: unknown) => {
      throw error instanceof DialogportenError && error.kind === "not_found"
        ? new DialogNotFound(feedbackProblem("dialog_not_found", { dialogId: dialogId ?? "" }))
        : error;
    });
    const feedback = findFeedbackTransmission(transmissions);
    if (feedback.kind === "none") return waitMore(null, dialogId);
    if (feedback.kind === "unauthorized") throw new FollowError(feedbackProblem("transmission_unauthorized"));
    const origin = originOf(feedback.url);
    if (origin === null || origin !== originOf(deps.feedbackApiUrl)) {
      throw new FollowError(
        feedbackProblem("feedback_outside_api", { origin: origin ?? feedback.url, configured: deps.feedbackApiUrl }),
      );
    }

    const answer = await deps.fetchFeedback(feedback.url, claimed.orgnr);
    if (answer.kind !== "response") {
      // A token was had; no answer says whether it was accepted.
      noteAccess({ kind: "token_ok" });
      return waitMore(
        answer.kind === "timeout"
          ? feedbackProblem("feedback_api_timeout")
          : feedbackProblem("feedback_api_unreachable", { detail: answer.message }),
        dialogId,
      );
    }
    if (answer.status === 200) {
      noteAccess({ kind: "ok", api: "amelding" });
      const read = readFeedbackBody(answer.body);
      if (!read.ok) throw new FollowError(feedbackProblem("feedback_unreadable"));
      return { status: feedbackStatusOf(read.parsed), dialogId, document: read.document, parsed: read.parsed };
    }
    const decoded = decodeSkatteetatenError({
      status: answer.status,
      contentType: answer.headers["content-type"],
      body: answer.body,
      api: "amelding",
    });
    noteAccess(
      classifyAnswer(
        "amelding",
        answer.status,
        decoded.code,
        decoded.specifications.map((s) => s.kode),
      ),
    );
    const codes = [decoded.code, ...decoded.specifications.map((s) => s.kode)].filter(Boolean).join(" / ");
    const reason = feedbackProblem("feedback_api_http", {
      status: answer.status,
      codes,
      melding: decoded.melding ?? "",
    });
    // 404: the transmission may appear just before its document does.
    if (answer.status === 404 || answer.status === 429 || answer.status >= 500) return waitMore(reason, dialogId);
    throw new FollowError(reason);
  } catch (error) {
    const mp = maskinportenProblemOf(error);
    if (mp) noteAccess(classifyTokenFailure({ reason: mp.key, mpCode: mp.mpCode ?? null }));
    if (error instanceof DialogNotFound) {
      if (checksDone >= deps.dialogMaxChecks)
        return {
          status: "error",
          dialogId,
          lastError: feedbackProblem("dialog_gave_up", { checks: checksDone, cause: error.problem }),
        };
      return waitMore(error.problem, dialogId);
    }
    if (transient(error)) return waitMore(problemOf(error), dialogId);
    return { status: "error", dialogId, lastError: problemOf(error) };
  }
}

/**
 * One round: start following newly accepted A-meldinger, then check the due ones this worker
 * could lease. Returns how many were checked.
 */
export async function runFeedbackRound(deps: FeedbackFollowerDeps): Promise<number> {
  await createMissingFeedbackRows(deps.db, deps.maxWaitMs);
  const claimed = await claimDueFeedback(deps.db, { limit: deps.batchSize, leaseMs: deps.leaseMs });
  await Promise.all(
    claimed.map(async (row) => {
      try {
        const { result, access } = await check(deps, row);
        await finishFeedbackCheck(deps.db, row, result, access);
      } catch (error) {
        // The lease runs out and the row is checked again by whichever worker comes first.
        logger.error({ err: error, workerId: deps.workerId, submissionId: row.submissionId }, "feedback check failed");
      }
    }),
  );
  return claimed.length;
}

/** Runs rounds every `pollMs` (at once again after a full batch) until stopped. */
export function startFeedbackFollower(deps: FeedbackFollowerDeps, options: { pollMs: number }) {
  return every(options.pollMs, "feedback round", deps.workerId, async () =>
    (await runFeedbackRound(deps)) >= deps.batchSize ? RUN_AGAIN : undefined,
  );
}

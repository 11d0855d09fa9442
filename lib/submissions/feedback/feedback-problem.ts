import type { Translator } from "@/lib/i18n/translator";
import { describeCoded } from "@/lib/submissions/status-reason";

/**
 * Why the A-melding feedback could not (yet) be had, as the follower records it: a code and its
 * parameters, translated when shown (`feedback.problems.<code>` in lib/i18n/messages). What other
 * parties wrote (Dialogporten's problem text, Skatteetaten's `melding`, a network error code)
 * travels as a parameter, never as our text.
 */
export const FEEDBACK_PROBLEM_CODES = [
  /** No dialog of this submission among the organisation's Dialogporten dialogs. */
  "dialog_not_in_search",
  /** The dialog `dialogId` Skatteetaten named is not in Dialogporten. */
  "dialog_not_found",
  /** The dialog was still not found after `checks` checks; `cause` is the last check's problem. */
  "dialog_gave_up",
  /** No feedback within `hours` hours of acceptance; `cause` is the last problem, if any. */
  "no_feedback_in_time",
  /** Dialogporten did not answer within the timeout. */
  "dialogporten_timeout",
  /** Dialogporten could not be reached: `detail` (the network error). */
  "dialogporten_unreachable",
  /** Dialogporten answered HTTP `status`; `detail` is its problem text, if any. */
  "dialogporten_http",
  /** Dialogporten's answer (HTTP `status`) could not be read. */
  "dialogporten_unreadable",
  /** The feedback transmission is there, but the system user may not open it. */
  "transmission_unauthorized",
  /** The feedback is at `origin`, outside AMELDING_TILBAKEMELDING_API_URL (`configured`): our token is not sent there. */
  "feedback_outside_api",
  /** The feedback API did not answer within the timeout. */
  "feedback_api_timeout",
  /** The feedback API could not be reached: `detail` (the network error). */
  "feedback_api_unreachable",
  /** The feedback API answered HTTP `status`, with Skatteetaten's `codes` and `melding` if any. */
  "feedback_api_http",
  /** The feedback document is not a JSON object. */
  "feedback_unreadable",
  /** No token from Maskinporten: `maskinporten` names its explanation (lib/maskinporten/errors.ts), with `mpCode`. */
  "token_unavailable",
  /** Something this build did not expect: `detail` (the error's own text). */
  "unexpected",
  /**
   * A problem recorded as text before problems became codes, that the migration could not read:
   * `text` (English). Shown in English only; other languages say it was recorded by an older version.
   */
  "legacy",
] as const;
export type FeedbackProblemCode = (typeof FEEDBACK_PROBLEM_CODES)[number];

export type FeedbackProblemParams = { [key: string]: string | number | FeedbackProblem };
export type FeedbackProblem = { code: FeedbackProblemCode; params?: FeedbackProblemParams };

const MAX_PARAM_LENGTH = 1_000;

/** A problem with its free-text parameters bounded, so an odd answer cannot bloat the row. */
export function feedbackProblem(code: FeedbackProblemCode, params?: FeedbackProblemParams): FeedbackProblem {
  if (!params) return { code };
  const bounded: FeedbackProblemParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    bounded[key] =
      typeof value === "string" && value.length > MAX_PARAM_LENGTH ? `${value.slice(0, MAX_PARAM_LENGTH)}…` : value;
  }
  return { code, params: bounded };
}

/** The problem in the reader's language; null when there is none. */
export function describeFeedbackProblem(
  t: Translator,
  code: string | null | undefined,
  params: FeedbackProblemParams | null | undefined,
): string | null {
  // "… within N hours" reads differently with and without the last problem seen.
  const key = code === "no_feedback_in_time" && params?.cause ? "no_feedback_in_time_last" : code;
  // An empty parameter (no problem text, no codes) leaves a double space behind.
  return (
    describeCoded(t, "feedback.problems", FEEDBACK_PROBLEM_CODES, key, params)?.replace(/\s+/g, " ").trim() ?? null
  );
}

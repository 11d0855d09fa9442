import type { Translator } from "@/lib/i18n/translator";

/**
 * Why a submission stands where it does, as the engine and the operations record it: a code and
 * its parameters, translated when shown (`statusReason.<code>` in lib/i18n/messages). What other
 * parties wrote (Skatteetaten's `melding`, Maskinporten's explanation, a network error code)
 * travels as a parameter, as data, never as our text.
 */
export const STATUS_REASON_CODES = [
  /** Skatteetaten's answer had a message: `melding` (their text). */
  "skatteetaten_message",
  /** Skatteetaten answered with an error status and no message: `status`. */
  "http_error",
  /** No answer within the timeout: `seconds`. The request may have been processed. */
  "timeout",
  /** The connection failed or broke: `detail` (the network error code). */
  "network_error",
  /** A 2xx whose body is not Skatteetaten's answer (empty, a gateway page, another shape): `status`. */
  "unreadable_answer",
  /**
   * No token from Maskinporten: `maskinporten` names its explanation (`maskinportenErrors.<key>`,
   * lib/maskinporten/errors.ts), with that explanation's values and Maskinporten's `mpCode`.
   */
  "token_unavailable",
  /** The engine stopped after `attempts` attempts; `cause` is the last attempt's reason. */
  "gave_up",
  /** The stored payload is not a report of the submission's kind: `kind`. */
  "payload_wrong_kind",
  /** The adapter could not build the request from the payload: `detail`. */
  "request_not_buildable",
  /** The attempt could not be recorded before sending, so nothing was sent. */
  "attempt_not_recordable",
  /** The answer could not be stored as received; a cleaned copy was stored. */
  "answer_stored_cleaned",
  /** Not even a cleaned copy of the answer could be stored; a retry (same key) fetches it again. */
  "outcome_not_recordable",
  /** An A-melding over the upload threshold was uploaded (`uploadId`); Skatteetaten is validating it. */
  "upload_validating",
  /** Skatteetaten validated upload `uploadId`; it is being sent in. */
  "upload_ready",
  /** Skatteetaten's validation of upload `uploadId` found `count` errors (listed on the attempt). */
  "upload_validation_failed",
  /** Upload `uploadId` was unknown to Skatteetaten (expired or deleted) before it was sent in; it is uploaded again. */
  "upload_not_found",
  /** Upload `uploadId` was still being validated after `minutes` minutes. */
  "upload_not_validated",
  /** Upload `uploadId` was sent in without a readable answer, and then Skatteetaten no longer knew it. */
  "upload_gone_after_submit",
  /** Cancelled by a user (who and when is in the audit log). */
  "cancelled",
  /**
   * A reason recorded as text before reasons became codes, that no migration could read: `text`
   * (English). Shown in English only; other languages say it is a reason recorded by an older version.
   */
  "legacy",
] as const;
export type StatusReasonCode = (typeof STATUS_REASON_CODES)[number];

export type StatusReasonParams = { [key: string]: string | number | StatusReason };
export type StatusReason = { code: StatusReasonCode; params?: StatusReasonParams };

const MAX_PARAM_LENGTH = 1_000;

/** A reason with its free-text parameters bounded, so an odd answer cannot bloat the row. */
export function statusReason(code: StatusReasonCode, params?: StatusReasonParams): StatusReason {
  if (!params) return { code };
  const bounded: StatusReasonParams = {};
  for (const [key, value] of Object.entries(params)) {
    bounded[key] =
      typeof value === "string" && value.length > MAX_PARAM_LENGTH ? `${value.slice(0, MAX_PARAM_LENGTH)}…` : value;
  }
  return { code, params: bounded };
}

type CodedParams = { [key: string]: string | number | { code: string; params?: CodedParams } };

/**
 * A coded message in the reader's language: `<namespace>.<code>` with its parameters; a parameter
 * that is itself a coded message (one of `codes`) is described first. A code this build does not
 * know shows as its parameters. Shared by submission reasons and A-melding feedback problems.
 */
export function describeCoded(
  t: Translator,
  namespace: string,
  codes: readonly string[],
  code: string | null | undefined,
  params: CodedParams | null | undefined,
  depth = 0,
): string | null {
  if (!code) return null;
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key === "kind" && typeof value === "string" && t.has(`kind.${value}`)) values[key] = t(`kind.${value}`);
    else if (typeof value === "string" || typeof value === "number") values[key] = value;
    else if (value && typeof value === "object" && codes.includes(value.code) && depth < 3)
      values[key] = describeCoded(t, namespace, codes, value.code, value.params, depth + 1) ?? "";
  }
  // Maskinporten's answer, by the key of its explanation (and the explanation's own values).
  const mp = values.maskinporten;
  if (typeof mp === "string" && t.has(`maskinportenErrors.${mp}.explanation`)) {
    const explanation = t(`maskinportenErrors.${mp}.explanation`, values);
    values.maskinporten = values.mpCode ? `${values.mpCode}: ${explanation}` : explanation;
  }
  const key = `${namespace}.${code}`;
  if (t.has(key)) return t(key, values);
  return Object.values(values).join(" · ") || code;
}

/** The reason in the reader's language; null when there is none. A code this build does not know shows as its parameters. */
export function describeStatusReason(
  t: Translator,
  code: string | null | undefined,
  params: StatusReasonParams | null | undefined,
): string | null {
  return describeCoded(t, "statusReason", STATUS_REASON_CODES, code, params);
}

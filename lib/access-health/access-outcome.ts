/**
 * What one delivery attempt says about an organisation's access to Skatteetaten: the system user,
 * its token and its rights (docs/access-health.md). The engine classifies each attempt here, and
 * the settlement records the result in organisation_access_health in the same statement as the
 * attempt's outcome (lib/submissions/engine/delivery-statements.ts). Pure: no database, no secrets.
 */

/** The states a user must act on (all but ok). */
export const ACCESS_PROBLEM_STATES = [
  "token_failing",
  "refused",
  "system_user_revoked",
  "system_user_missing",
] as const;
export type AccessProblemState = (typeof ACCESS_PROBLEM_STATES)[number];

/** The organisation's access state, as organisation_access_health.state stores it. */
export const ACCESS_STATES = ["ok", ...ACCESS_PROBLEM_STATES] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

/** The APIs whose calls are recorded. */
export type AccessApi = "oar" | "amelding";

export type AccessOutcome =
  /** Skatteetaten answered, and not with an access refusal: the token and the system user's rights work. */
  | { kind: "ok"; api: AccessApi }
  /** A token was had, but the answer says nothing about access (a timeout, 429, 5xx, an unreadable answer). */
  | { kind: "token_ok" }
  /** Access failed: `state` says how; `code` is Skatteetaten's or Maskinporten's code (never a token). */
  | { kind: "failure"; state: AccessProblemState; code: string | null; api: AccessApi | null };

/**
 * Skatteetaten's codes that refuse access rather than content (docs/skatteetaten-contract.md,
 * "Error codes": the AMLD table of api-dok `docs/api/innrapportering-amelding.md` and the OAR
 * table): authentication (AMLD_004; OAR_001, published as 403), authorisation, i.e. the system
 * user lacks the right or access package (AMLD_005; OAR_002), an invalid token, not authorised for
 * the dialog, and a token without a system user.
 */
const REFUSAL_CODES: Record<string, AccessProblemState> = {
  AMLD_004: "refused",
  AMLD_005: "refused",
  AMLD_1008: "refused",
  AMLD_1015: "refused",
  AMLD_1063: "system_user_missing",
  GLD_005: "refused",
  OAR_001: "refused",
  OAR_002: "refused",
  OAR_1001: "refused",
  OAR_1002: "refused",
  OAR_1011: "system_user_missing",
};

/**
 * An answer from Skatteetaten: `code` is its main code (`kode`), `specifications` the codes that
 * narrow it down (AMLD_004 with AMLD_1063, AMLD_005 with AMLD_1015); the most specific known one names the refusal.
 */
export function classifyAnswer(
  api: AccessApi,
  status: number,
  code: string | null,
  specifications: readonly (string | null)[] = [],
): AccessOutcome {
  for (const candidate of [...specifications, code]) {
    const known = candidate ? REFUSAL_CODES[candidate] : undefined;
    if (known) return { kind: "failure", state: known, code: candidate, api };
  }
  // A refusal without a code we know still refuses access.
  if (status === 401 || status === 403) return { kind: "failure", state: "refused", code, api };
  if (status >= 500 || status === 429 || status === 408) return { kind: "token_ok" };
  return { kind: "ok", api };
}

/**
 * No token from Maskinporten. `reason` is the client's reading of the refusal
 * (lib/maskinporten/error-codes.ts): MP-303, "invalid authorization details values", is how
 * Maskinporten answers a grant for an organisation that owns no system user for our system. Sending
 * is only possible once the organisation accepted one (lib/system-users/submission-guard.ts), so
 * at send time that answer means the system user was deleted in Altinn since: revoked.
 */
export function classifyTokenFailure(failure: { reason: string; mpCode: string | null }): AccessOutcome {
  const revoked = failure.reason === "authorization_details_values" || failure.mpCode === "MP-303";
  return {
    kind: "failure",
    state: revoked ? "system_user_revoked" : "token_failing",
    code: failure.mpCode ?? (failure.reason === "unexpected" ? null : failure.reason),
    api: null,
  };
}

import { decodeMaskinportenErrorBody, type MaskinportenErrorReason } from "./error-codes";

export type MaskinportenErrorKind = "grant_rejected" | "network" | "server" | "config" | "bad_response";

export type MaskinportenErrorDetails = {
  kind: MaskinportenErrorKind;
  reason?: MaskinportenErrorReason;
  httpStatus?: number;
  error?: string;
  errorDescription?: string;
  errorUri?: string;
  mpCode?: string;
  explanation: string;
  hint: string;
};

/**
 * Every failure of the Maskinporten client. It carries only what Maskinporten answered and
 * our reading of it — never the grant, the token or the key — so it is safe to log and show.
 */
export class MaskinportenError extends Error {
  readonly kind: MaskinportenErrorKind;
  readonly reason: MaskinportenErrorReason | undefined;
  readonly httpStatus: number | undefined;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly errorUri: string | undefined;
  readonly mpCode: string | undefined;
  readonly explanation: string;
  readonly hint: string;

  constructor(details: MaskinportenErrorDetails) {
    super([details.mpCode, details.explanation].filter(Boolean).join(": "));
    this.name = "MaskinportenError";
    this.kind = details.kind;
    this.reason = details.reason;
    this.httpStatus = details.httpStatus;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.errorUri = details.errorUri;
    this.mpCode = details.mpCode;
    this.explanation = details.explanation;
    this.hint = details.hint;
  }

  /** Network and 5xx failures may succeed when tried again; a rejected grant will not. */
  get transient(): boolean {
    return this.kind === "network" || this.kind === "server";
  }

  toJSON(): MaskinportenErrorDetails & { name: string; message: string } {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      reason: this.reason,
      httpStatus: this.httpStatus,
      error: this.error,
      errorDescription: this.errorDescription,
      errorUri: this.errorUri,
      mpCode: this.mpCode,
      explanation: this.explanation,
      hint: this.hint,
    };
  }
}

/** A setting is missing or wrong. The message names the variable, so it can be shown as is. */
export class MaskinportenConfigError extends MaskinportenError {
  readonly variable: string;

  constructor(variable: string, message: string, hint?: string) {
    super({ kind: "config", explanation: message, hint: hint ?? `Fix ${variable} and start again.` });
    this.name = "MaskinportenConfigError";
    this.variable = variable;
  }
}

/** Reads a 4xx answer from the token endpoint. */
export function grantRejectedError(httpStatus: number, body: unknown): MaskinportenError {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const oauth = { error: str(b.error), error_description: str(b.error_description), error_uri: str(b.error_uri) };
  if (!oauth.error) {
    return new MaskinportenError({
      kind: "bad_response",
      httpStatus,
      explanation: `The token endpoint answered HTTP ${httpStatus} without an OAuth error.`,
      hint: "Check MASKINPORTEN_ISSUER and MASKINPORTEN_TOKEN_URL: they may not point at Maskinporten.",
    });
  }
  const decoded = decodeMaskinportenErrorBody(oauth);
  return new MaskinportenError({
    kind: "grant_rejected",
    httpStatus,
    error: oauth.error,
    errorDescription: oauth.error_description,
    errorUri: oauth.error_uri,
    ...decoded,
  });
}

/**
 * Where a Maskinporten failure is explained in the reader's language:
 * `maskinportenErrors.<key>.explanation` and `.hint` in lib/i18n/messages, with their values. The
 * English `explanation` and `hint` on the error are for logs and the command line.
 */
export type MaskinportenErrorMessage = {
  key: MaskinportenErrorReason | "network" | "server" | "bad_response" | "unexpected" | "config";
  values: Record<string, string | number>;
  mpCode: string | null;
};

export function maskinportenErrorMessage(
  error: Pick<MaskinportenError, "kind" | "reason" | "httpStatus" | "mpCode"> & { variable?: string },
): MaskinportenErrorMessage {
  const mpCode = error.mpCode ?? null;
  switch (error.kind) {
    case "grant_rejected":
      return { key: error.reason ?? "unknown", values: {}, mpCode };
    case "network":
      return { key: "network", values: {}, mpCode };
    case "server":
      return { key: "server", values: { status: error.httpStatus ?? "–" }, mpCode };
    case "bad_response":
      return error.httpStatus === undefined
        ? { key: "unexpected", values: {}, mpCode }
        : { key: "bad_response", values: { status: error.httpStatus }, mpCode };
    case "config":
      return { key: "config", values: { variable: error.variable ?? "MASKINPORTEN_*" }, mpCode };
  }
}

/** Field errors carry message keys (see `validation.*` in the message files), not display text. */
export type FieldErrors = Record<string, string[]>;

export type ActionErrorCode = "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "internal";

export type ActionError = {
  code: ActionErrorCode;
  messageKey: string;
  fieldErrors?: FieldErrors;
  /** For unexpected errors: quoted to support to find the logged cause. */
  reference?: string;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** An error whose code and message key may be shown to the user as they are. */
export class SafeError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly messageKey: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(messageKey);
    this.name = "SafeError";
  }
}

import "server-only";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { env } from "@/lib/env";

/*
 * The one logger of the server, the worker and the scripts' error paths. Everything logged is
 * redacted before it is written, whatever the caller passed:
 * - values under keys that hold secrets or report contents (tokens, passwords, Authorization and
 *   Cookie headers, private keys, payloads, request and response bodies, query parameters) are
 *   replaced as a whole;
 * - in every string, fødselsnumre/d-numre (11 digits), bearer tokens and JWTs are replaced;
 * - errors are reduced to what explains them: for a database error its code, message (quoted
 *   values removed), table, column and constraint; never the query's parameters, which carry the
 *   payload (drizzle's DrizzleQueryError has `params` and repeats them in its message, and
 *   postgres.js errors carry `parameters` and `query`).
 */

const REDACTED = "[redacted]";
const SECRET_OR_CONTENT_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|pass|secret|.*_?secret|.*token|private_?key|private_?key_?pem|client_?assertion|assertion|payload|leveranse|oppdrag|body|raw_?body|request_?body|response_?body|params|parameters|args|query|detail|hint)$/i;
// 11 digits not part of a longer number, optionally with a space after the birth date.
const PERSONAL_NUMBER = /(?<!\d)\d{6} ?\d{5}(?!\d)/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(\.[A-Za-z0-9_-]*)?/g;
const MAX_STRING = 2_000;
const MAX_DEPTH = 6;
const MAX_ITEMS = 20;

// A UUID (an error reference, a submission id) can hold 11 digits in a row in its last group; it is
// matched first so it is kept whole, or the reference a user quotes could not be found in the log.
const UUID_OR_PERSONAL_NUMBER = new RegExp(
  `([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|${PERSONAL_NUMBER.source}`,
  "gi",
);

/** Removes personal numbers and credentials from free text. */
export function scrubText(text: string): string {
  const cut = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  return cut
    .replace(JWT, "[jwt]")
    .replace(BEARER, "$1 [redacted]")
    .replace(UUID_OR_PERSONAL_NUMBER, (_match, uuid: string | undefined) => uuid ?? "[personnummer]");
}

/** PostgreSQL quotes the offending value in many messages (`invalid input syntax for type uuid: "…"`). */
function withoutQuotedValues(message: string) {
  return scrubText(message.replace(/"[^"]*"/g, '"…"'));
}

function stackFrames(error: Error) {
  // The first line of a stack repeats the message (which for a DrizzleQueryError holds the params).
  return typeof error.stack === "string"
    ? error.stack
        .split("\n")
        .filter((line) => line.trimStart().startsWith("at "))
        .slice(0, 15)
        .map((line) => scrubText(line.trim()))
    : undefined;
}

type Fields = Record<string, unknown>;

function isDrizzleQueryError(error: Error) {
  return (
    error.constructor?.name === "DrizzleQueryError" ||
    ("params" in error && "query" in error && error.message.startsWith("Failed query"))
  );
}

function isPostgresError(error: Error): error is Error & Fields {
  const fields = error as unknown as Fields;
  return error.name === "PostgresError" || (typeof fields.severity === "string" && typeof fields.code === "string");
}

/** What explains an error, without the data it was carrying. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return sanitise(error, depth);
  if (depth > 3) return { type: error.name };
  const cause = error.cause === undefined ? undefined : serializeError(error.cause, depth + 1);
  if (isDrizzleQueryError(error)) return { type: "DrizzleQueryError", stack: stackFrames(error), cause };
  if (isPostgresError(error)) {
    return {
      type: "PostgresError",
      code: error.code,
      severity: error.severity,
      message: withoutQuotedValues(error.message),
      schema: error.schema_name,
      table: error.table_name,
      column: error.column_name,
      constraint: error.constraint_name,
      routine: error.routine,
    };
  }
  const code = (error as unknown as Fields).code;
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    stack: stackFrames(error),
    ...(error instanceof AggregateError
      ? { errors: error.errors.slice(0, 5).map((e) => serializeError(e, depth + 1)) }
      : {}),
    ...(cause === undefined ? {} : { cause }),
  };
}

/** A copy of a value fit for the log: secrets and report contents replaced, strings scrubbed, size bounded. */
export function sanitise(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object")
    return typeof value === "function" || typeof value === "symbol" ? undefined : value;
  if (value instanceof Error) return serializeError(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => sanitise(v, depth + 1, seen));
  const out: Fields = {};
  for (const [key, v] of Object.entries(value).slice(0, 50)) {
    out[key] = SECRET_OR_CONTENT_KEY.test(key) ? REDACTED : sanitise(v, depth + 1, seen);
  }
  return out;
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? "info",
    base: { pid: process.pid },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => sanitise(object) as Fields,
    },
    hooks: {
      logMethod(args, method) {
        // logger.error(error) would write the raw error message (a DrizzleQueryError's holds the params).
        const [first, ...rest] = args as unknown[];
        const fields = first instanceof Error ? { err: first } : first;
        const texts = (first instanceof Error && rest.length === 0 ? [first.name] : rest).map((a) =>
          typeof a === "string" ? scrubText(a) : a,
        );
        const scrubbedFirst = typeof fields === "string" ? scrubText(fields) : fields;
        return method.apply(this, [scrubbedFirst, ...texts] as Parameters<typeof method>);
      },
    },
    // Errors were already reduced by the log formatter above; pino's own serializer would redo it.
    serializers: { err: (value: unknown) => value },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** The process's logger: JSON lines on stdout, level from LOG_LEVEL. */
export const logger: Logger = createLogger({ level: env.LOG_LEVEL });

/**
 * Logs an error nobody expected (a failed action, route or job) with a reference the user can
 * quote to support, and returns the reference. Only what explains the error is written.
 */
export function logUnexpectedError(context: Record<string, string>, error: unknown, log: Logger = logger): string {
  const reference = randomUUID();
  log.error({ ...context, reference, err: error }, `${context.scope ?? "server"} failed (ref ${reference})`);
  return reference;
}

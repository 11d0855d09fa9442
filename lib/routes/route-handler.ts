import "server-only";
import type { Logger } from "pino";
import { z } from "zod";
import { type ActionErrorCode, SafeError } from "@/lib/actions/action-result";
import { IDEMPOTENCY_KEY_PATTERN, requestDigest, runIdempotent } from "@/lib/api/idempotency";
import { problem, problemResponse } from "@/lib/api/problem";
import type { ApiRateLimiter } from "@/lib/api/rate-limit";
import { type ApiCaller, authenticateApiKey } from "@/lib/api-keys/api-keys";
import type { ApiKeyScope } from "@/lib/api-keys/validation";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorise, isNextControlFlow } from "@/lib/auth/authorise";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import type { Db, DbOrTx } from "@/lib/db/client";
import { searchParamsRecord } from "@/lib/filters/search-params";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { bearerToken, secretMatches } from "@/lib/http/shared-secret";
import { checkInput, type InputLimits, type InputRefusalCode } from "@/lib/input/guard";
import { readJsonBody } from "@/lib/input/read-json-body";
import { logger as defaultLogger, logUnexpectedError } from "@/lib/log/logger";

/*
 * The route-handler wrapper, with what it depends on passed in (the signed-in user, the logger), so
 * its tests can run it against the test database. Route handlers use `defineRoute`
 * (lib/routes/define-route.ts), which binds these to the request's session.
 */

/** Who may call a route. */
export type RouteAccess =
  /** A signed-in user whose role holds every one of these permissions (lib/auth/permissions.ts). */
  | { session: readonly Permission[] }
  /**
   * A server that cannot hold a session (the Altinn Events webhook): a shared secret in a query
   * parameter, compared in constant time. Unset, the route is off and answers 404 `whenUnset`.
   */
  | { sharedSecret: { param: string; secret: string | undefined; whenUnset: string } }
  /**
   * A server with a token of its own (Prometheus): `Authorization: Bearer <secret>`, compared in
   * constant time. Unset, the route is off and answers 404 `whenUnset`.
   */
  | { bearerToken: { secret: string | undefined; whenUnset: string } }
  /** Anyone (the health check); `why` says why that is safe. */
  | { public: { why: string } }
  /**
   * The public API (/api/v1): an API key with this scope (lib/api-keys/api-keys.ts), rate-limited
   * per key; every call is audited with the key's id, and errors are problem details (lib/api/problem.ts).
   */
  | { apiKey: { scope: ApiKeyScope } };

/** A JSON answer with a status other than 200 or extra headers; a handler may also return the body alone. */
export class JsonAnswer<T> {
  constructor(
    readonly body: T,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** The body (checked against the route's output schema) with its status and headers. */
export function answer<T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}): JsonAnswer<T> {
  return new JsonAnswer(body, init.status, init.headers);
}

/** The route's answers are streamed by the handler itself (CSV exports); it returns a Response. */
export const STREAMED = "streamed";

/** How each error is answered; `error` is the code a caller branches on, as in every answer before. */
const routeErrorSchema = z.object({
  error: z.string(),
  messageKey: z.string().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  /** For unexpected errors: quoted to support to find the logged cause. */
  reference: z.string().optional(),
  /** The input guard's refusal (lib/input/guard.ts) and where in the input. */
  refused: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  maxBytes: z.number().optional(),
});
type RouteErrorBody = z.infer<typeof routeErrorSchema>;

const STATUS_OF: Record<ActionErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** A query string is a flat record of short texts (a repeated key is a list); anything more is refused. */
const QUERY_LIMITS: InputLimits = { maxDepth: 2, maxNodes: 500, maxKeyLength: 100, maxStringLength: 2_000 };
const JSON_BODY_LIMITS: InputLimits = { maxDepth: 16, maxNodes: 10_000, maxKeyLength: 200, maxStringLength: 20_000 };
const UNSAFE_METHOD = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method);

type BodyConfig<B extends z.core.$ZodType> = {
  schema: B;
  /** Read at most this many bytes; a larger body is answered 413 without being read further. */
  maxBytes: number;
  limits?: InputLimits;
  /**
   * The `error` a caller is told for each problem with the body, where it must be a sentence for a
   * partner's log rather than our code (the webhook's answers are read by Altinn's operators).
   */
  messages?: { tooLarge?: string; notJson?: string; invalid?: string };
};

export type RouteConfig<
  Q extends z.core.$ZodType,
  P extends z.core.$ZodType,
  B extends z.core.$ZodType,
  O extends z.core.$ZodType | typeof STREAMED,
> = {
  /** Names the route in logs. */
  name: string;
  access: RouteAccess;
  /** The query string as a record (a repeated key becomes a list), through the input guard, then this schema; a mismatch is a 400. */
  query?: Q;
  /** The dynamic segments; a mismatch is a 404 (no such thing), as for a page. */
  params?: P;
  /** A JSON body read within bounds; without it the body is the handler's to read (the import streams it). */
  body?: BodyConfig<B>;
  /** The schema of every JSON answer of the handler, parsed before it is sent; or STREAMED. */
  output: O;
  /**
   * API-key routes' POSTs: an `Idempotency-Key` header is required, and the handler runs in a
   * transaction (`ctx.db`) that also stores its answer for replays (lib/api/idempotency.ts).
   */
  idempotent?: boolean;
};

type Parsed<S extends z.core.$ZodType | undefined> = S extends z.core.$ZodType ? z.output<S> : undefined;
type UserOf<A extends RouteAccess> = A extends { session: readonly Permission[] } ? CurrentUser : null;

/** What an API-key route's handler gets besides its input. */
export type ApiRouteContext = {
  user: null;
  api: ApiCaller;
  /** The idempotent request's transaction, or the database. */
  db: DbOrTx;
  /** Runs once the idempotent request's transaction has committed (e.g. waking the delivery worker). */
  afterCommit: (fn: () => Promise<void>) => void;
};

export type RouteInput<Q extends z.core.$ZodType, P extends z.core.$ZodType, B extends z.core.$ZodType> = {
  request: Request;
  query: Parsed<Q>;
  params: Parsed<P>;
  body: Parsed<B>;
};

export type RouteContext<A extends RouteAccess> = A extends { apiKey: unknown } ? ApiRouteContext : { user: UserOf<A> };
type HandlerAnswer<O> = O extends z.core.$ZodType ? JsonAnswer<z.input<O>> | z.input<O> : Response;

/** What Next.js passes a route handler as its second argument. */
export type NextRouteContext = { params: Promise<unknown> };

export type RouteDeps = {
  currentUser: () => Promise<CurrentUser | null>;
  logger?: Logger;
  publicUrl?: string;
  /** For API-key routes: the database and the per-key rate limiter. */
  db?: () => Db;
  apiRateLimiter?: () => ApiRateLimiter;
};

/**
 * Builds `defineRoute` over its dependencies. The route handler it returns:
 * 1. checks who may call (`access`); for unsafe methods of session routes also that the request
 *    does not come from another site's page (lib/http/same-origin.ts; proxy.ts does so too, but
 *    not for every path, e.g. the import it leaves alone);
 * 2. parses params, query and JSON body (bounded) with zod, through the input guard;
 * 3. runs the handler and parses a JSON answer with the output schema, so nothing undeclared is
 *    sent (unknown keys are stripped) and a mismatch is a 500 with a reference, never a wrong answer;
 * 4. answers a SafeError with its code and message key, and anything unexpected with a 500 and a
 *    reference the user can quote, logged with what explains it.
 */
export function createDefineRoute(deps: RouteDeps) {
  return function defineRoute<
    A extends RouteAccess,
    O extends z.core.$ZodType | typeof STREAMED,
    Q extends z.core.$ZodType = z.ZodUndefined,
    P extends z.core.$ZodType = z.ZodUndefined,
    B extends z.core.$ZodType = z.ZodUndefined,
  >(
    config: RouteConfig<Q, P, B, O> & { access: A },
    handler: (input: RouteInput<Q, P, B>, ctx: RouteContext<A>) => Promise<HandlerAnswer<O>>,
  ): (request: Request, context?: NextRouteContext) => Promise<Response> {
    return async (request, context) => {
      const where = { scope: "route", route: config.name };
      if (!("apiKey" in config.access)) return handle(request, context, where, null, errorAnswer);
      const scope = config.access.apiKey.scope;
      try {
        const db = requireDeps(deps).db();
        const auth = await authenticateApiKey(db, request.headers.get("authorization"));
        if (!auth.ok) {
          const code =
            auth.refusal === "missing" || auth.refusal === "invalid" ? "unauthenticated" : `api_key_${auth.refusal}`;
          return problemResponse(problem(401, code), { "WWW-Authenticate": 'Bearer realm="api/v1"' });
        }
        const caller = auth.caller;
        const decision = await requireDeps(deps).apiRateLimiter().consume(caller.keyId);
        const response = !decision.allowed
          ? problemResponse(problem(429, "rate_limited"))
          : !caller.scopes.includes(scope)
            ? problemResponse(problem(403, "forbidden", { detail: `The key lacks the scope "${scope}".` }))
            : await handle(request, context, where, caller, routeProblem);
        // Every call that reached the key is recorded, with its answer (a refusal for the limit is not: a flood would fill the log).
        if (decision.allowed) await recordApiCall(db, caller, request, response.status);
        return withHeaders(response, decision.headers);
      } catch (error) {
        return problemResponse(problem(500, "internal", { reference: logUnexpectedError(where, error, deps.logger) }));
      }
    };

    async function handle(
      request: Request,
      context: NextRouteContext | undefined,
      where: Record<string, string>,
      caller: ApiCaller | null,
      fail: (status: number, body: RouteErrorBody) => Response,
    ): Promise<Response> {
      try {
        const refusal = caller ? null : checkAccess(config.access, request, deps, where);
        if (refusal) return refusal;
        const user =
          "session" in config.access ? authorise(await deps.currentUser(), config.access.session, where) : null;

        let params: unknown;
        if (config.params) {
          const parsed = z.safeParse(config.params, await context?.params);
          if (!parsed.success) throw new SafeError("not_found", "errors.notFound");
          params = parsed.data;
        }

        let query: unknown;
        if (config.query) {
          const record = searchParamsRecord(new URL(request.url).searchParams);
          const refused = checkInput(record, QUERY_LIMITS);
          if (refused)
            return fail(400, {
              error: "input_refused",
              refused: refused.code,
              issues: [{ path: refused.path.join("."), message: refused.code }],
            });
          const parsed = z.safeParse(config.query, record);
          if (!parsed.success) return fail(400, { error: "invalid_query", issues: zodIssues(parsed.error) });
          query = parsed.data;
        }

        const idempotencyKey = request.headers.get("idempotency-key");
        if (caller && config.idempotent && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey ?? "")) {
          return fail(400, { error: "idempotency_key_missing" });
        }

        let body: unknown;
        if (config.body) {
          const read = await readJsonBody(request, {
            maxBytes: config.body.maxBytes,
            limits: config.body.limits ?? JSON_BODY_LIMITS,
          });
          const messages = config.body.messages ?? {};
          if (!read.ok) {
            if (read.reason === "too_large")
              return fail(413, { error: messages.tooLarge ?? "too_large", maxBytes: config.body.maxBytes });
            const refused: InputRefusalCode | undefined = read.reason === "malformed" ? undefined : read.reason;
            return fail(400, {
              error: messages.notJson ?? (refused ? "input_refused" : "malformed"),
              ...(refused ? { refused } : {}),
            });
          }
          const parsed = z.safeParse(config.body.schema, read.value);
          if (!parsed.success) {
            return fail(
              400,
              messages.invalid
                ? { error: messages.invalid }
                : { error: "invalid_body", issues: zodIssues(parsed.error) },
            );
          }
          body = parsed.data;
        }

        const input = { request, query, params, body } as RouteInput<Q, P, B>;
        if (caller) {
          const db = requireDeps(deps).db();
          const afterCommit: (() => Promise<void>)[] = [];
          const run = async (tx: DbOrTx) => {
            const ctx: ApiRouteContext = { user: null, api: caller, db: tx, afterCommit: (fn) => afterCommit.push(fn) };
            const answered = await handler(input, ctx as RouteContext<A>);
            return parseAnswer(config.output as z.core.$ZodType, answered, where, deps.logger, fail);
          };
          if (!config.idempotent || !idempotencyKey) {
            const parsed = await run(db);
            for (const fn of afterCommit) await fn();
            return parsed instanceof Response ? parsed : toJsonResponse(parsed);
          }
          const url = new URL(request.url);
          const outcome = await runIdempotent(
            db,
            {
              apiKeyId: caller.keyId,
              key: idempotencyKey,
              requestHash: requestDigest(request.method, url.pathname + url.search, body),
            },
            async (tx) => {
              const parsed = await run(tx);
              // A mismatching answer is an error: thrown, so nothing of the request is kept.
              if (parsed instanceof Response) throw new AnswerRefused(parsed);
              return parsed;
            },
          ).catch((error: unknown) => {
            if (error instanceof AnswerRefused) return error.response;
            throw error;
          });
          if (outcome instanceof Response) return outcome;
          if (outcome.kind === "reused") return fail(409, { error: "idempotency_key_reused" });
          if (outcome.kind === "ran") for (const fn of afterCommit) await fn();
          return toJsonResponse({
            status: outcome.status,
            body: outcome.body,
            headers: outcome.kind === "replayed" ? { "Idempotent-Replayed": "true" } : {},
          });
        }
        const answered = await handler(input, { user } as RouteContext<A>);
        if (config.output === STREAMED) return answered as Response;
        const parsed = parseAnswer(config.output as z.core.$ZodType, answered, where, deps.logger);
        return parsed instanceof Response ? parsed : toJsonResponse(parsed);
      } catch (error) {
        if (error instanceof SafeError) {
          return fail(STATUS_OF[error.code], {
            error: error.code,
            messageKey: error.messageKey,
            ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
          });
        }
        if (isNextControlFlow(error)) throw error;
        return fail(500, { error: "internal", reference: logUnexpectedError(where, error, deps.logger) });
      }
    }
  };
}

/** An answer that did not match its schema, carried out of the idempotent transaction so it rolls back. */
class AnswerRefused extends Error {
  constructor(readonly response: Response) {
    super("answer refused");
  }
}

function requireDeps(deps: RouteDeps) {
  const { db, apiRateLimiter } = deps;
  if (!db || !apiRateLimiter) throw new Error("API-key routes need the database and the rate limiter");
  return { db, apiRateLimiter };
}

/** One audit entry per call of a key, with the key's id, its organisations and the answer's status. */
async function recordApiCall(db: DbOrTx, caller: ApiCaller, request: Request, status: number) {
  const url = new URL(request.url);
  await recordAudit(db, userActor(caller.actor), {
    action: "api.request",
    targetType: "api_key",
    targetId: caller.keyId,
    organisationIds: caller.organisationIds,
    details: { method: request.method, path: url.pathname.slice(0, 300), httpStatus: status },
  });
}

function withHeaders(response: Response, headers: Record<string, string>) {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, headers: merged });
}

/** A route error as problem details (lib/api/problem.ts): the code stays, issues and field errors become `errors`. */
function routeProblem(status: number, body: RouteErrorBody): Response {
  const errors = [
    ...(body.issues ?? []).map((i) => ({ path: i.path, code: body.refused ?? i.message })),
    ...Object.entries(body.fieldErrors ?? {}).map(([path, codes]) => ({ path, code: codes[0] ?? "invalid" })),
  ];
  return problemResponse(
    problem(status, body.error, {
      messageKey: body.messageKey,
      errors,
      reference: body.reference,
      ...(body.maxBytes ? { detail: `At most ${body.maxBytes} bytes.` } : {}),
    }),
  );
}

function checkAccess(
  access: RouteAccess,
  request: Request,
  deps: RouteDeps,
  where: Record<string, string>,
): Response | null {
  if ("sharedSecret" in access) {
    const { param, secret, whenUnset } = access.sharedSecret;
    if (!secret) return errorAnswer(404, { error: whenUnset });
    return secretMatches(new URL(request.url).searchParams.get(param), secret)
      ? null
      : errorAnswer(401, { error: "unauthenticated" });
  }
  if ("bearerToken" in access) {
    const { secret, whenUnset } = access.bearerToken;
    if (!secret) return errorAnswer(404, { error: whenUnset });
    return secretMatches(bearerToken(request.headers.get("authorization")), secret)
      ? null
      : errorAnswer(401, { error: "unauthenticated" }, { "WWW-Authenticate": "Bearer" });
  }
  if ("session" in access && UNSAFE_METHOD(request.method) && isForeignOrigin(request.headers, deps.publicUrl)) {
    (deps.logger ?? defaultLogger).warn(where, "refused: request from another site");
    return errorAnswer(403, { error: "forbidden", messageKey: "errors.forbidden" });
  }
  return null;
}

type ParsedAnswer = { status: number; body: unknown; headers: Record<string, string> };

function parseAnswer(
  output: z.core.$ZodType,
  answered: unknown,
  where: Record<string, string>,
  logger: Logger | undefined,
  fail: (status: number, body: RouteErrorBody) => Response = errorAnswer,
): ParsedAnswer | Response {
  const { body, status, headers } = answered instanceof JsonAnswer ? answered : new JsonAnswer(answered);
  const parsed = z.safeParse(output, body);
  if (!parsed.success) {
    // The issues name paths and expectations, never the values (which may be personal data).
    const reference = logUnexpectedError(
      where,
      new Error(`answer does not match the output schema: ${JSON.stringify(zodIssues(parsed.error))}`),
      logger,
    );
    return fail(500, { error: "internal", reference });
  }
  return { status, body: parsed.data, headers };
}

function toJsonResponse({ status, body, headers }: ParsedAnswer) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function zodIssues(error: z.core.$ZodError) {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

function errorAnswer(status: number, body: RouteErrorBody, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

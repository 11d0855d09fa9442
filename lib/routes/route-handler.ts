import "server-only";
import type { Logger } from "pino";
import { z } from "zod";
import { type ActionErrorCode, SafeError } from "@/lib/actions/action-result";
import { authorise, isNextControlFlow } from "@/lib/auth/authorise";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
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
  | { public: { why: string } };

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

type BodyConfig<B extends z.ZodType> = {
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
  Q extends z.ZodType,
  P extends z.ZodType,
  B extends z.ZodType,
  O extends z.ZodType | typeof STREAMED,
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
};

type Parsed<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : undefined;
type UserOf<A extends RouteAccess> = A extends { session: readonly Permission[] } ? CurrentUser : null;

export type RouteInput<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> = {
  request: Request;
  query: Parsed<Q>;
  params: Parsed<P>;
  body: Parsed<B>;
};

export type RouteContext<A extends RouteAccess> = { user: UserOf<A> };
type HandlerAnswer<O> = O extends z.ZodType ? JsonAnswer<z.input<O>> | z.input<O> : Response;

/** What Next.js passes a route handler as its second argument. */
export type NextRouteContext = { params: Promise<unknown> };

export type RouteDeps = { currentUser: () => Promise<CurrentUser | null>; logger?: Logger; publicUrl?: string };

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
    O extends z.ZodType | typeof STREAMED,
    Q extends z.ZodType = z.ZodUndefined,
    P extends z.ZodType = z.ZodUndefined,
    B extends z.ZodType = z.ZodUndefined,
  >(
    config: RouteConfig<Q, P, B, O> & { access: A },
    handler: (input: RouteInput<Q, P, B>, ctx: RouteContext<A>) => Promise<HandlerAnswer<O>>,
  ): (request: Request, context?: NextRouteContext) => Promise<Response> {
    return async (request, context) => {
      const where = { scope: "route", route: config.name };
      try {
        const refusal = checkAccess(config.access, request, deps, where);
        if (refusal) return refusal;
        const user =
          "session" in config.access ? authorise(await deps.currentUser(), config.access.session, where) : null;

        let params: unknown;
        if (config.params) {
          const parsed = config.params.safeParse(await context?.params);
          if (!parsed.success) throw new SafeError("not_found", "errors.notFound");
          params = parsed.data;
        }

        let query: unknown;
        if (config.query) {
          const record = searchParamsRecord(new URL(request.url).searchParams);
          const refused = checkInput(record, QUERY_LIMITS);
          if (refused)
            return errorAnswer(400, {
              error: "input_refused",
              refused: refused.code,
              issues: [{ path: refused.path.join("."), message: refused.code }],
            });
          const parsed = config.query.safeParse(record);
          if (!parsed.success) return errorAnswer(400, { error: "invalid_query", issues: zodIssues(parsed.error) });
          query = parsed.data;
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
              return errorAnswer(413, { error: messages.tooLarge ?? "too_large", maxBytes: config.body.maxBytes });
            const refused: InputRefusalCode | undefined = read.reason === "malformed" ? undefined : read.reason;
            return errorAnswer(400, {
              error: messages.notJson ?? (refused ? "input_refused" : "malformed"),
              ...(refused ? { refused } : {}),
            });
          }
          const parsed = config.body.schema.safeParse(read.value);
          if (!parsed.success) {
            return errorAnswer(
              400,
              messages.invalid
                ? { error: messages.invalid }
                : { error: "invalid_body", issues: zodIssues(parsed.error) },
            );
          }
          body = parsed.data;
        }

        const input = { request, query, params, body } as RouteInput<Q, P, B>;
        const answered = await handler(input, { user } as RouteContext<A>);
        if (config.output === STREAMED) return answered as Response;
        return jsonAnswer(config.output as z.ZodType, answered, where, deps.logger);
      } catch (error) {
        if (error instanceof SafeError) {
          return errorAnswer(STATUS_OF[error.code], {
            error: error.code,
            messageKey: error.messageKey,
            ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
          });
        }
        if (isNextControlFlow(error)) throw error;
        return errorAnswer(500, { error: "internal", reference: logUnexpectedError(where, error, deps.logger) });
      }
    };
  };
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

function jsonAnswer(output: z.ZodType, answered: unknown, where: Record<string, string>, logger: Logger | undefined) {
  const { body, status, headers } = answered instanceof JsonAnswer ? answered : new JsonAnswer(answered);
  const parsed = output.safeParse(body);
  if (!parsed.success) {
    // The issues name paths and expectations, never the values (which may be personal data).
    const reference = logUnexpectedError(
      where,
      new Error(`answer does not match the output schema: ${JSON.stringify(zodIssues(parsed.error))}`),
      logger,
    );
    return errorAnswer(500, { error: "internal", reference });
  }
  return Response.json(parsed.data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function zodIssues(error: z.ZodError) {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

function errorAnswer(status: number, body: RouteErrorBody, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

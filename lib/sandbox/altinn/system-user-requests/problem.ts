import "server-only";
import { randomUUID } from "node:crypto";
import type { SandboxResponse } from "../../skatteetaten/sandbox-response";

/** The AUTH codes Altinn documents for the vendor request API, with its own titles. */
export const AUTH_PROBLEMS = {
  "AUTH-00001": { status: 400, title: "One or more Right not found or not delegable." },
  "AUTH-00004": {
    status: 400,
    title: "Failed to create new SystemUser, existing SystemUser tied to the given System-Id.",
  },
  "AUTH-00006": { status: 400, title: "The combination of External Ids refer to an already Accepted SystemUser." },
  "AUTH-00007": {
    status: 400,
    title: "The combination of External Ids refer to a Pending Request, please reuse or delete.",
  },
  "AUTH-00009": {
    status: 400,
    title: "The combination of External Ids refer to a Rejected Request, please delete and renew the Request.",
  },
  "AUTH-00010": { status: 404, title: "The Id does not refer to a Request in our system." },
  "AUTH-00011": { status: 400, title: "The Id does not refer to a Registered System." },
  "AUTH-00021": { status: 400, title: "The RedirectUri was not found or not valid." },
  "AUTH-00023": { status: 401, title: "Can't resolve the Organisation Number for the Vendor from the Token." },
  "AUTH-00026": { status: 400, title: "No redirect uris are set for the system" },
} as const;
export type AuthProblemCode = keyof typeof AUTH_PROBLEMS;

const STATUS_TYPES: Record<number, string> = {
  400: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
  401: "https://tools.ietf.org/html/rfc9110#section-15.5.2",
  403: "https://tools.ietf.org/html/rfc9110#section-15.5.4",
  404: "https://tools.ietf.org/html/rfc9110#section-15.5.5",
  405: "https://tools.ietf.org/html/rfc9110#section-15.5.6",
};

/** RFC 9457 problem details as ASP.NET Core and Altinn's ProblemDetails library write them. */
export function problem(
  status: number,
  body: { title: string; detail?: string; code?: string; errors?: Record<string, string[]> },
): SandboxResponse {
  return {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8" },
    body: JSON.stringify({
      type: STATUS_TYPES[status],
      status,
      ...body,
      traceId: `00-${randomUUID().replaceAll("-", "")}-01`,
    }),
  };
}

export function authProblem(code: AuthProblemCode, detail?: string): SandboxResponse {
  const { status, title } = AUTH_PROBLEMS[code];
  return problem(status, { code, title, detail });
}

/** ASP.NET's model-validation answer: field name → messages. */
export function validationProblem(errors: Record<string, string[]>): SandboxResponse {
  return problem(400, { title: "One or more validation errors occurred.", errors });
}

import { z } from "zod/mini";
import type { SystemUserRequestStatus } from "@/lib/db/schema";
import type { OrganisationWithSystemUser } from "./queries";

/** One organisation on /organisasjoner with where its system user stands; dates as ISO strings for the browser. */
export type OrganisationSystemUserRow = {
  id: string;
  name: string;
  orgnr: string;
  createdAt: string;
  systemUser: {
    status: SystemUserRequestStatus;
    confirmUrl: string | null;
    requestedAt: string;
    lastCheckedAt: string | null;
    decidedAt: string | null;
  } | null;
};

export function toOrganisationRows(list: OrganisationWithSystemUser[]): OrganisationSystemUserRow[] {
  return list.map((o) => ({
    id: o.id,
    name: o.name,
    orgnr: o.orgnr,
    createdAt: o.createdAt.toISOString(),
    systemUser: o.request && {
      status: o.request.status,
      confirmUrl: o.request.confirmUrl,
      requestedAt: o.request.createdAt.toISOString(),
      lastCheckedAt: o.request.lastCheckedAt?.toISOString() ?? null,
      decidedAt: o.request.decidedAt?.toISOString() ?? null,
    },
  }));
}

/** The page keeps asking Altinn while a customer has yet to answer. */
export function anyPending(rows: OrganisationSystemUserRow[]): boolean {
  return rows.some((r) => r.systemUser?.status === "new");
}

/** lib/db/schema.ts's system_user_request_status values (that module is not for the browser). */
const SYSTEM_USER_REQUEST_STATUSES = [
  "new",
  "accepted",
  "rejected",
  "timed_out",
] as const satisfies readonly SystemUserRequestStatus[];

/**
 * Altinn's error as lib/altinn/system-user-request-client.ts decodes it (SystemUserRequestError#toJSON),
 * as the browser gets it (a key whose value is undefined is not sent).
 */
export const altinnErrorSchema = z.object({
  kind: z.enum(["rejected", "unauthorized", "not_found", "token", "config", "network", "server", "bad_response"]),
  httpStatus: z.optional(z.number().check(z.int())),
  code: z.optional(z.string()),
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  fieldErrors: z.record(z.string(), z.array(z.string())),
  message: z.string(),
  setting: z.optional(z.string()),
  maskinporten: z.optional(
    z.object({
      key: z.string(),
      values: z.record(z.string(), z.union([z.string(), z.number()])),
      mpCode: z.nullable(z.string()),
    }),
  ),
});

export type AltinnErrorDetails = z.infer<typeof altinnErrorSchema>;

/** The output schema of app/api/organisations/system-users: the rows after asking Altinn, and what could not be asked. */
export const organisationSystemUsersSchema = z.object({
  rows: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      orgnr: z.string(),
      createdAt: z.iso.datetime(),
      systemUser: z.nullable(
        z.object({
          status: z.enum(SYSTEM_USER_REQUEST_STATUSES),
          confirmUrl: z.nullable(z.string()),
          requestedAt: z.iso.datetime(),
          lastCheckedAt: z.nullable(z.iso.datetime()),
          decidedAt: z.nullable(z.iso.datetime()),
        }),
      ),
    }),
  ),
  failures: z.array(z.object({ organisationId: z.nullable(z.uuid()), error: altinnErrorSchema })),
});

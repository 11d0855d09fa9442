import { z } from "zod";
import { SCOPES } from "@/lib/config/scopes";
import type { SystemUserRequestStatus } from "@/lib/db/schema";

/**
 * The wire format of Altinn's system-user request API for vendors (docs/domain.md, "System
 * user"; Altinn docs "API for the vendor to manage the system user requests"). The app's client and the sandbox
 * both build on this file, so a corrected field name changes one place.
 */
export const SYSTEM_USER_REQUEST_PATH = "/authentication/api/v1/systemuser/request/vendor";

/** Maskinporten scopes Altinn requires of the vendor: creating/deleting, and reading requests. */
export const SYSTEM_USER_REQUEST_SCOPES = {
  read: SCOPES.systemUserRequestRead,
  write: SCOPES.systemUserRequestWrite,
} as const;

/** The Altinn resources the two reporting APIs require of a system user (the seeds' "Rights"). */
export const REPORTING_RESOURCES = {
  amelding: "ske-innrapportering-amelding",
  oar: "ske-innrapportering-oppdragsregisteret",
} as const;

export const RESOURCE_ATTRIBUTE = "urn:altinn:resource";

export type AltinnRight = { resource: { id: string; value: string }[] };

export function resourceRight(resourceId: string): AltinnRight {
  return { resource: [{ id: RESOURCE_ATTRIBUTE, value: resourceId }] };
}

/** What a system user for this product must be allowed to do: report OAR and A-melding. */
export const REPORTING_RIGHTS: AltinnRight[] = [
  resourceRight(REPORTING_RESOURCES.amelding),
  resourceRight(REPORTING_RESOURCES.oar),
];

const attributeSchema = z.object({ id: z.string().min(1), value: z.string().min(1) });

/** Altinn's JSON binding is case-insensitive; its docs show both `Resource` and `resource`. */
export const altinnRightSchema = z.preprocess(
  (v) =>
    v && typeof v === "object" && !Array.isArray(v) && "Resource" in v && !("resource" in v)
      ? { resource: (v as { Resource: unknown }).Resource }
      : v,
  z.object({ resource: z.array(attributeSchema).min(1) }),
);

/** The request body of `POST .../request/vendor`. */
export type CreateSystemUserRequestBody = {
  externalRef?: string;
  systemId: string;
  partyOrgNo: string;
  rights: AltinnRight[];
  redirectUrl?: string;
};

/**
 * Statuses as Altinn sends them. Altinn's enum has New, Accepted, Rejected, Denied; its list
 * example shows "Timedout" for requests nobody answered within 10 days.
 */
export const ALTINN_REQUEST_STATUSES = ["New", "Accepted", "Rejected", "Denied", "Timedout"] as const;
export type AltinnRequestStatus = (typeof ALTINN_REQUEST_STATUSES)[number];

/** Altinn's status in our terms, read case-insensitively ("TimedOut" and "Timedout" both occur in docs); null when unknown. */
export function toSystemUserRequestStatus(wire: string): SystemUserRequestStatus | null {
  switch (wire.toLowerCase()) {
    case "new":
      return "new";
    case "accepted":
      return "accepted";
    case "rejected":
    case "denied":
      return "rejected";
    case "timedout":
      return "timed_out";
    default:
      return null;
  }
}

/** The response of create and get: the request as Altinn has it. */
export const systemUserRequestResponseSchema = z.object({
  id: z.string().min(1),
  externalRef: z.string().nullish(),
  systemId: z.string(),
  partyOrgNo: z.string(),
  rights: z.array(altinnRightSchema).nullish(),
  status: z.string().min(1),
  redirectUrl: z.string().nullish(),
  confirmUrl: z.string().nullish(),
});
export type SystemUserRequestResponse = z.infer<typeof systemUserRequestResponseSchema>;

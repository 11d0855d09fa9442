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

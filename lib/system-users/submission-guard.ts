import "server-only";
import { SafeError } from "@/lib/actions/action-result";
import type { DbOrTx } from "@/lib/db/client";
import { hasAcceptedSystemUser } from "./queries";

/**
 * Skatteetaten only takes reports sent with a token for an Altinn system user the organisation
 * has accepted (docs/domain.md, "System user"). Without one, queueing is refused before anything is saved or
 * sent, with a message saying what to do; drafts stay allowed.
 */
export async function assertSystemUserAccepted(tx: DbOrTx, organisationId: string): Promise<void> {
  if (!(await hasAcceptedSystemUser(tx, organisationId))) {
    throw new SafeError("conflict", "systemUsers.errors.submitWithoutSystemUser");
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod/mini";
import { SafeError } from "@/lib/actions/action-result";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { appReconciliationDeps } from "./app-deps";
import { reconcileMonth } from "./reconcile";

const fetchSchema = z.object({
  organisationId: z.uuid(),
  kalendermaaned: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
});

/**
 * Fetches an organisation-month's reconciliation report now (docs/reconciliation.md): for one of
 * the user's organisations, stored with its audit entry in one transaction.
 */
export const fetchReconciliationAction = defineAction(
  { name: "fetchReconciliation", permission: "submission:edit", schema: fetchSchema },
  async (input, { user, db }) => {
    assertOrganisationAccess(user, input.organisationId);
    const deps = appReconciliationDeps();
    if (!deps) throw new SafeError("conflict", "reconciliation.errors.noMaskinporten");
    const result = await reconcileMonth(db, deps, input, user);
    if (result.kind === "nothing_accepted") throw new SafeError("conflict", "reconciliation.errors.nothingAccepted");
    revalidatePath("/tavle");
    return { state: result.outcome.state, differences: result.outcome.differences.length };
  },
);

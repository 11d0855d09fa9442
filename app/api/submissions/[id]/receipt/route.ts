import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db/client";
import { formatter } from "@/lib/i18n/format";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";
import { findReceiptData } from "@/lib/submissions/receipt/receipt-data";
import { receiptResponse } from "@/lib/submissions/receipt/receipt-pdf";

export const dynamic = "force-dynamic";

/**
 * The receipt (PDF) of one submission for the client's archive (docs/four-eyes.md): read within
 * the caller's organisations (another's answers 404) and its download audited in the same transaction.
 */
export const GET = defineRoute(
  {
    name: "submission-receipt",
    access: { session: ["submission:read"] },
    params: z.object({ id: z.uuid() }),
    output: STREAMED,
  },
  async ({ params }, { user }) => {
    const data = await getDb().transaction(async (tx) => {
      const found = await findReceiptData(tx, params.id, user.organisationIds);
      if (!found) throw new SafeError("not_found", "errors.notFound");
      await recordAudit(tx, userActor(user), {
        action: "submission.receipt_downloaded",
        targetType: "submission",
        targetId: found.submission.id,
        organisationIds: [found.submission.organisationId],
        details: { format: "pdf", versionNo: found.version?.versionNo ?? null },
      });
      return found;
    });
    return receiptResponse(data, await getTranslations(), formatter(await getLocale()));
  },
);

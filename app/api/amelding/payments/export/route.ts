import { getLocale, getTranslations } from "next-intl/server";
import { osloDate } from "@/lib/amelding/deadlines";
import { paymentWindow, paymentWindowSchema, startPaymentsExport } from "@/lib/amelding/payments/payment-overview";
import { csvResponse } from "@/lib/csv/csv";
import { getDb, getReadDb } from "@/lib/db/client";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** The payment list of /a-melding/betalinger (same months, `fra` and `til`) as CSV, audited. */
export const GET = defineRoute(
  {
    name: "amelding-payments-export",
    access: { session: ["submission:read", "export:read"] },
    query: paymentWindowSchema,
    output: STREAMED,
  },
  async ({ query }, { user }) => {
    const window = paymentWindow(query, osloDate(new Date()));
    const { stream } = await startPaymentsExport(getDb(), user, window, {
      t: await getTranslations(),
      locale: await getLocale(),
      readDb: getReadDb(),
    });
    return csvResponse(stream, "betalinger");
  },
);

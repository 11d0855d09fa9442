import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/ui/download-link";
import { FilterForm, filterInputClass, filterLabelClass } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { osloDate } from "@/lib/amelding/deadlines";
import {
  getPaymentOverview,
  type PaymentItem,
  paymentWindow,
  paymentWindowSchema,
} from "@/lib/amelding/payments/payment-overview";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getReadDb } from "@/lib/db/client";
import { formatter } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ameldingPayments"))("title") };
}

const STATE_CLASS: Record<PaymentItem["state"], string> = {
  upcoming: "",
  due_today: "font-semibold",
  overdue: "font-semibold text-danger",
};

/**
 * What the organisations owe for their accepted A-meldinger and when (forskuddstrekk per salary
 * payment date since 2026, arbeidsgiveravgift per term), with kontonummer and KID from the
 * feedback: the payment list an accountant pays from (docs/payments.md).
 */
export default async function AmeldingPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, unknown>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:read")) forbidden();
  const t = await getTranslations("ameldingPayments");
  const format = formatter(await getLocale());
  const today = osloDate(new Date());
  const window = paymentWindow(paymentWindowSchema.parse(await searchParams), today);
  const items = await getPaymentOverview(getReadDb(), user.organisationIds, window);
  const query = new URLSearchParams(window).toString();
  const overdue = items.filter((i) => i.state === "overdue");
  const upcoming = items.filter((i) => i.state !== "overdue");
  const sum = (list: PaymentItem[]) => list.reduce((total, i) => total + i.amount, 0);

  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          hasPermission(user.role, "export:read") && items.length > 0 ? (
            <DownloadLink href={`/api/amelding/payments/export?${query}`}>{t("exportCsv")}</DownloadLink>
          ) : undefined
        }
      />
      <FilterForm
        action="/a-melding/betalinger"
        label={t("windowLabel")}
        submitLabel={t("show")}
        resetLabel={t("reset")}
        chips={[]}
      >
        <label className={filterLabelClass}>
          {t("from")}
          <input type="month" name="fra" defaultValue={window.fra} className={filterInputClass} />
        </label>
        <label className={filterLabelClass}>
          {t("to")}
          <input type="month" name="til" defaultValue={window.til} className={filterInputClass} />
        </label>
      </FilterForm>
      {items.length > 0 && (
        <p role="status" className="mb-4" data-testid="payments-summary">
          {t("summary", {
            upcoming: upcoming.length,
            upcomingSum: format.kroner(sum(upcoming)),
            overdue: overdue.length,
            overdueSum: format.kroner(sum(overdue)),
          })}
        </p>
      )}
      {overdue.length > 0 && (
        <p className="mb-4 rounded border border-danger bg-white p-3" data-testid="payments-overdue">
          {t("overdueWarning")}
        </p>
      )}
      <Table
        caption={t("caption", { from: format.month(`${window.fra}-01`), to: format.month(`${window.til}-01`) })}
        rows={items}
        rowKey={(i) => `${i.submissionId}|${i.kind}|${i.loennsutbetalingsdato ?? ""}`}
        rowTestId={() => "payment-row"}
        empty={t("empty")}
        cards
        columns={[
          {
            key: "due",
            header: t("dueDate"),
            primary: true,
            cell: (i) => (
              <span className={STATE_CLASS[i.state]}>
                {format.date(i.dueDate)} <span className="block text-xs">{t(`state.${i.state}`)}</span>
              </span>
            ),
          },
          {
            key: "organisation",
            header: t("organisation"),
            cell: (i) => (
              <>
                {i.organisation.name} <span className="block font-mono text-xs">{i.organisation.orgnr}</span>
              </>
            ),
          },
          {
            key: "what",
            header: t("what"),
            cell: (i) => (
              <Link href={`/innsendinger/${i.submissionId}`}>
                {i.kind === "forskuddstrekk"
                  ? t("forskuddstrekk", { date: format.date(i.loennsutbetalingsdato ?? i.dueDate) })
                  : t("arbeidsgiveravgift", { term: i.term ?? 0, month: format.month(`${i.kalendermaaned}-01`) })}
              </Link>
            ),
          },
          {
            key: "amount",
            header: t("amount"),
            className: "text-right tabular-nums",
            cell: (i) => format.kroner(i.amount),
          },
          {
            key: "account",
            header: t("kontonummer"),
            className: "font-mono",
            cell: (i) => i.kontonummer ?? t("notYet"),
          },
          { key: "kid", header: t("kid"), className: "font-mono", cell: (i) => i.kid ?? t("notYet") },
        ]}
      />
    </>
  );
}

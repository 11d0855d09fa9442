import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatter } from "@/lib/i18n/format";
import type { MonthAmounts } from "@/lib/overview/reported-amounts";

/**
 * Reported forskuddstrekk and arbeidsgiveravgift per organisation and month, with the month
 * before and the change, in the reader's number format. Each month links to its A-melding.
 */
export async function ReportedAmountsTable({ rows, from, to }: { rows: MonthAmounts[]; from: string; to: string }) {
  const t = await getTranslations("reportedAmounts");
  const format = formatter(await getLocale());
  const monthName = (month: string) => format.month(month);
  const kroner = (value: number | null | undefined) =>
    value === null || value === undefined ? t("notReported") : format.kroner(value);
  const change = (value: number | null, previous: number | null | undefined) =>
    value === null || previous === null || previous === undefined
      ? t("notReported")
      : format.kronerChange(value - previous);
  if (rows.length === 0) return <p>{t("none")}</p>;
  const cell = "p-2 text-right tabular-nums whitespace-nowrap";
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left" data-testid="reported-amounts">
        <caption className="sr-only">{t("caption", { from: monthName(from), to: monthName(to) })}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2">
              {t("organisation")}
            </th>
            <th scope="col" className="p-2">
              {t("month")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("forskuddstrekk")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("previous")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("change")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("arbeidsgiveravgift")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("previous")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("change")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.organisationId}-${r.month}`} className="border-b border-line">
              <th scope="row" className="p-2 font-normal">
                {r.organisationName}
              </th>
              <td className="p-2 whitespace-nowrap">
                <Link href={`/innsendinger/${r.submissionId}`}>{monthName(r.month)}</Link>
              </td>
              <td className={cell}>{kroner(r.forskuddstrekk)}</td>
              <td className={cell}>{kroner(r.previous?.forskuddstrekk)}</td>
              <td className={cell}>{change(r.forskuddstrekk, r.previous?.forskuddstrekk)}</td>
              <td className={cell}>{kroner(r.arbeidsgiveravgift)}</td>
              <td className={cell}>{kroner(r.previous?.arbeidsgiveravgift)}</td>
              <td className={cell}>{change(r.arbeidsgiveravgift, r.previous?.arbeidsgiveravgift)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";
import { errorGroupListFilter, type ErrorGroup, type ErrorGroupFilter } from "@/lib/submissions/queries/error-groups";
import { filterToSearchParams } from "@/lib/submissions/queries/list-filter";
import { describeStatusReason } from "@/lib/submissions/status-reason";
import { describeErrorGroup } from "./describe-error-group";

const MAX_NAMES = 3;

/**
 * One row per cause, like an issue tracker's grouped issues: what it is and how to fix it,
 * how often and where it happened, and the way to its submissions (and, when retryable, to
 * retrying them all).
 */
export async function ErrorGroupsTable({
  groups,
  filter,
  canRetry,
  mask,
}: {
  groups: ErrorGroup[];
  filter: ErrorGroupFilter;
  canRetry: boolean;
  mask: (text: string) => string;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (groups.length === 0) return <p className="rounded border border-line bg-white p-4">{t("errorGroups.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("errorGroups.tableCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="px-4 py-2">{t("errorGroups.error")}</th>
            <th scope="col" className="px-4 py-2">{t("errorGroups.status")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("errorGroups.count")}</th>
            <th scope="col" className="px-4 py-2">{t("errorGroups.organisations")}</th>
            <th scope="col" className="px-4 py-2">{t("errorGroups.firstSeen")}</th>
            <th scope="col" className="px-4 py-2">{t("errorGroups.lastSeen")}</th>
            <th scope="col" className="px-4 py-2">{t("errorGroups.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const described = describeErrorGroup(group, locale);
            const label = group.code ?? t(`errorGroups.causes.${group.cause ?? "no_code"}`);
            const groupName = [label, group.specCode].filter(Boolean).join(" / ");
            const query = filterToSearchParams(errorGroupListFilter(group, filter)).toString();
            const hint = described.hint ?? (group.code ? null : t(`errorGroups.causeHints.${group.cause ?? "no_code"}`));
            const latestReason = describeStatusReason(t, group.latestReason?.code, group.latestReason?.params);
            const testId = `error-group-${group.status}-${group.code ?? group.cause}-${group.specCode ?? "none"}`;
            return (
              <tr key={testId} className="border-b border-line align-top" data-testid={testId}>
                <td className="max-w-xl px-4 py-3">
                  <p>
                    <span className={group.code ? "font-mono font-semibold" : "font-semibold"}>{label}</span>
                    {described.text && <span className="ml-2">{described.text}</span>}
                  </p>
                  {group.specCode && (
                    <p className="mt-1">
                      <span className="text-muted">{t("errorGroups.specCode")}:</span>{" "}
                      <span className="font-mono">{group.specCode}</span>
                      {described.specText && <span className="ml-2">{described.specText}</span>}
                    </p>
                  )}
                  {!described.known && <p className="mt-1">{t("errorGroups.unknownCode")}</p>}
                  {!described.known && latestReason && (
                    <p className="mt-1 text-muted">{t("errorGroups.latestMessage", { message: mask(latestReason) })}</p>
                  )}
                  {hint && (
                    <p className="mt-2">
                      <span className="font-medium">{t("errorGroups.hint")}:</span> {hint}
                    </p>
                  )}
                </td>
                <td className="px-4 py-3">
                  <Tag tone="danger">{t(`status.${group.status}`)}</Tag>
                  {group.retryable && <p className="mt-1 text-xs">{t("errorGroups.retryable")}</p>}
                </td>
                <td className="px-4 py-3 text-right tabular-nums" data-testid="error-group-count">
                  {format.number(group.count)}
                </td>
                <td className="px-4 py-3">
                  <span className="tabular-nums">{format.number(group.organisationCount)}</span>
                  <div className="text-xs">
                    {group.organisationNames.slice(0, MAX_NAMES).join(", ")}
                    {group.organisationNames.length > MAX_NAMES &&
                      ` ${t("errorGroups.organisationsMore", { count: group.organisationNames.length - MAX_NAMES })}`}
                  </div>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{when(group.firstSeen)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{when(group.lastSeen)}</td>
                <td className="px-4 py-3">
                  <ul className="space-y-2">
                    <li>
                      <Link href={`/innsendinger?${query}`} className="underline">
                        {t("errorGroups.showList")}
                        <span className="sr-only"> {t("errorGroups.showListFor", { group: groupName })}</span>
                      </Link>
                    </li>
                    {canRetry && group.retryable && (
                      <li>
                        <Link href={`/feil/bulk/ny?${query}`} className="underline">
                          {t("errorGroups.bulkRetry")}
                          <span className="sr-only"> {t("errorGroups.showListFor", { group: groupName })}</span>
                        </Link>
                      </li>
                    )}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

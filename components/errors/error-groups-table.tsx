import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FieldLocation } from "@/components/field-location/field-location";
import { Table, type TableColumn } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { locateField } from "@/lib/field-location/locate-field";
import { formatter } from "@/lib/i18n/format";
import {
  type ErrorGroup,
  type ErrorGroupFilter,
  errorGroupListFilter,
  ORGANISATION_NAMES_SHOWN,
} from "@/lib/submissions/queries/error-groups";
import { filterToSearchParams } from "@/lib/submissions/queries/list-filter";
import { describeStatusReason } from "@/lib/submissions/status-reason";
import { describeErrorGroup } from "./describe-error-group";

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
  const locale = await getLocale();
  const format = formatter(locale);
  const when = (d: Date) => format.dateTime(d);
  const rows = groups.map((group) => {
    const label = group.code ?? t(`errorGroups.causes.${group.cause ?? "no_code"}`);
    const described = describeErrorGroup(group, locale);
    return {
      group,
      described,
      label,
      groupName: [label, group.specCode].filter(Boolean).join(" / "),
      query: filterToSearchParams(errorGroupListFilter(group, filter)).toString(),
      hint: described.hint ?? (group.code ? null : t(`errorGroups.causeHints.${group.cause ?? "no_code"}`)),
      latestReason: describeStatusReason(t, group.latestReason?.code, group.latestReason?.params),
      testId: `error-group-${group.status}-${group.code ?? group.cause}-${group.specCode ?? "none"}`,
    };
  });
  type Row = (typeof rows)[number];
  const columns: TableColumn<Row>[] = [
    {
      key: "error",
      header: t("errorGroups.error"),
      className: "max-w-xl",
      cell: ({ group, described, label, hint, latestReason }) => (
        <>
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
          {group.fields.length > 0 && (
            <p className="mt-1" data-testid="error-group-fields">
              <span className="text-muted">{t("errorGroups.fields", { count: group.fields.length })}:</span>{" "}
              {group.fields.map((field, i) => (
                <span key={`${field.kind} ${field.sti}`}>
                  {i > 0 && ", "}
                  <FieldLocation location={locateField(field.kind, field.sti, { t, identity: "masked" })} />
                </span>
              ))}
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
        </>
      ),
    },
    {
      key: "status",
      header: t("errorGroups.status"),
      primary: true,
      cell: ({ group }) => (
        <>
          <Tag tone="danger">{t(`status.${group.status}`)}</Tag>
          {group.retryable && <p className="mt-1 text-xs">{t("errorGroups.retryable")}</p>}
        </>
      ),
    },
    {
      key: "count",
      header: t("errorGroups.count"),
      className: "text-right tabular-nums",
      cell: ({ group }) => <span data-testid="error-group-count">{format.number(group.count)}</span>,
    },
    {
      key: "organisations",
      header: t("errorGroups.organisations"),
      cell: ({ group }) => (
        <>
          <span className="tabular-nums">{format.number(group.organisationCount)}</span>
          <div className="text-xs">
            {group.organisationNames.join(", ")}
            {group.organisationNameCount > ORGANISATION_NAMES_SHOWN &&
              ` ${t("errorGroups.organisationsMore", { count: group.organisationNameCount - ORGANISATION_NAMES_SHOWN })}`}
          </div>
        </>
      ),
    },
    {
      key: "firstSeen",
      header: t("errorGroups.firstSeen"),
      className: "whitespace-nowrap",
      cell: ({ group }) => when(group.firstSeen),
    },
    {
      key: "lastSeen",
      header: t("errorGroups.lastSeen"),
      className: "whitespace-nowrap",
      cell: ({ group }) => when(group.lastSeen),
    },
    {
      key: "actions",
      header: t("errorGroups.actions"),
      cell: ({ group, query, groupName }) => (
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
      ),
    },
  ];
  return (
    <Table
      caption={t("errorGroups.tableCaption")}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.testId}
      rowTestId={(row) => row.testId}
      empty={t("errorGroups.empty")}
      cellClassName="px-4 py-3"
      cards
    />
  );
}

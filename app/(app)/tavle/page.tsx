import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BoardTable } from "@/components/board/board-table";
import { type FilterChip, FilterForm, filterInputClass, filterLabelClass } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import {
  BOARD_PAGE_SIZE,
  BOARD_STATES,
  type BoardFilter,
  boardFilterToSearchParams,
  parseBoardFilter,
} from "@/lib/board/board-filter";
import { getBoard } from "@/lib/board/board-query";
import { listOwnerCandidates, listOwnersOf } from "@/lib/board/owners";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

const href = (filter: Partial<BoardFilter>) => {
  const query = boardFilterToSearchParams(filter).toString();
  return query ? `/tavle?${query}` : "/tavle";
};

/**
 * The board: one row per organisation the user has, one column per month, each cell the state of
 * that organisation-month with a link to what must be done (docs/board.md). Filters live in the URL.
 */
export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "board:read")) forbidden();
  const t = await getTranslations("board");
  const filter = parseBoardFilter(await searchParams);
  const db = getDb();
  const canManage = hasPermission(user.role, "organisation:manage");
  const [board, owners, candidates] = await Promise.all([
    getBoard(db, user.organisationIds, user, filter),
    listOwnersOf(db, user.organisationIds),
    canManage ? listOwnerCandidates(db, user.organisationIds) : Promise.resolve(null),
  ]);

  const ownerName = (owner: string) =>
    owner === "mine"
      ? t("filter.ownerMine")
      : owner === "none"
        ? t("filter.ownerNone")
        : (owners.find((o) => o.id === owner)?.name ?? owner);
  const chips: FilterChip[] = [
    ...(filter.owner
      ? [
          {
            key: "owner",
            label: t("filter.owner"),
            text: ownerName(filter.owner),
            href: href({ ...filter, owner: undefined, page: 1 }),
          },
        ]
      : []),
    ...filter.state.map((state) => ({
      key: "state",
      label: t("filter.state"),
      text: t(`state.${state}`),
      href: href({ ...filter, state: filter.state.filter((s) => s !== state), page: 1 }),
    })),
    ...(filter.q
      ? [{ key: "q", label: t("filter.q"), text: filter.q, href: href({ ...filter, q: undefined, page: 1 }) }]
      : []),
  ];

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <FilterForm
        action="/tavle"
        label={t("filter.label")}
        submitLabel={t("filter.submit")}
        resetLabel={t("filter.reset")}
        chips={chips}
      >
        <label className={filterLabelClass}>
          {t("filter.owner")}
          <select name="owner" defaultValue={filter.owner ?? ""} className={filterInputClass}>
            <option value="">{t("filter.ownerAll")}</option>
            <option value="mine">{t("filter.ownerMine")}</option>
            <option value="none">{t("filter.ownerNone")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className={filterLabelClass}>
          {t("filter.state")}
          <select name="state" defaultValue={filter.state[0] ?? ""} className={filterInputClass}>
            <option value="">{t("filter.stateAll")}</option>
            {BOARD_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`state.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={filterLabelClass}>
          {t("filter.q")}
          <input
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            maxLength={100}
            placeholder={t("filter.qHint")}
            className={filterInputClass}
          />
        </label>
        <label className={filterLabelClass}>
          {t("filter.sort")}
          <select name="sort" defaultValue={filter.sort} className={filterInputClass}>
            <option value="risk">{t("filter.sortRisk")}</option>
            <option value="name">{t("filter.sortName")}</option>
            <option value="orgnr">{t("filter.sortOrgnr")}</option>
          </select>
        </label>
      </FilterForm>
      {board.rows.length === 0 ? (
        <p className="rounded border border-line bg-white p-4">{t("empty")}</p>
      ) : (
        <>
          <BoardTable
            board={board}
            viewer={{ canEdit: hasPermission(user.role, "submission:edit"), ownerCandidates: candidates }}
          />
          <Pager
            label={t("pagination")}
            page={filter.page}
            pageSize={BOARD_PAGE_SIZE}
            shown={board.rows.length}
            total={board.total}
            href={(page) => href({ ...filter, page })}
            testId="board-showing"
          />
        </>
      )}
    </>
  );
}

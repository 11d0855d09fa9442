import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { savedViews, users } from "@/lib/db/schema";
import { parseOppdragListFilter } from "@/lib/oppdrag/oppdrag-list-filter";
import { filterToSearchParams, parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import {
  SAVED_VIEW_LISTS,
  SAVED_VIEWS_PER_USER_MAX,
  type SavedViewList,
  type saveViewSchema,
} from "./saved-view-schema";

/** A fødselsnummer or d-nummer: never stored in a saved view's search text. */
const PERSONAL_NUMBER = /\d{11}/;

/**
 * The query as the list's own parser reads it, written back without the page cursor: what is
 * stored is exactly a filter the list understands (unknown keys and invalid values are gone).
 * The organisation in it is not checked here: opening a view goes through the page, which drops
 * an organisation the caller cannot see, and every list query scopes to the caller's anyway.
 */
export function canonicalViewQuery(list: SavedViewList, query: string): string {
  const params = new URLSearchParams(query);
  const filter = list === "oppdrag" ? parseOppdragListFilter(params) : parseSubmissionListFilter(params);
  return filterToSearchParams({ ...filter, cursor: undefined }).toString();
}

export async function listSavedViews(db: DbOrTx, userId: string, list: SavedViewList) {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.name));
}

/** Saves the caller's filter under a name; bounded per user, audited in the same transaction. */
export async function saveView(
  tx: DbOrTx,
  user: AuditUser & { organisationIds: string[] },
  input: z.output<typeof saveViewSchema>,
) {
  const query = canonicalViewQuery(input.list, input.query);
  if (PERSONAL_NUMBER.test(new URLSearchParams(query).get("q")?.replace(/\s/g, "") ?? "")) {
    throw new SafeError("validation", "savedViews.personalNumber");
  }
  // One user's saves are serialised on their row, so the count below cannot be raced past.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
  const existing = firstRow(await tx.select({ n: count() }).from(savedViews).where(eq(savedViews.userId, user.id))).n;
  if (existing >= SAVED_VIEWS_PER_USER_MAX) {
    throw new SafeError("conflict", "savedViews.tooMany");
  }
  const [view] = await tx
    .insert(savedViews)
    .values({ userId: user.id, list: input.list, name: input.name, query })
    .onConflictDoNothing()
    .returning({ id: savedViews.id });
  if (!view) throw new SafeError("validation", "errors.validation", { name: ["savedViews.nameTaken"] });
  await recordAudit(tx, userActor(user), {
    action: "saved_view.create",
    targetType: "saved_view",
    targetId: view.id,
    organisationIds: user.organisationIds,
    details: { list: input.list, name: input.name, query },
  });
  return { id: view.id, href: query ? `${SAVED_VIEW_LISTS[input.list]}?${query}` : SAVED_VIEW_LISTS[input.list] };
}

/** Deletes one of the caller's own views; another user's is not found. */
export async function deleteView(tx: DbOrTx, user: AuditUser & { organisationIds: string[] }, viewId: string) {
  const [view] = await tx
    .delete(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, user.id)))
    .returning({ list: savedViews.list, name: savedViews.name, query: savedViews.query });
  if (!view) throw new SafeError("not_found", "errors.notFound");
  await recordAudit(tx, userActor(user), {
    action: "saved_view.delete",
    targetType: "saved_view",
    targetId: viewId,
    organisationIds: user.organisationIds,
    details: { list: view.list, name: view.name, query: view.query },
  });
  return { id: viewId };
}

import "server-only";
import type { z } from "zod";
import type { ApiCaller } from "@/lib/api-keys/api-keys";
import type { BoardFilter } from "@/lib/board/board-filter";
import { getBoard } from "@/lib/board/board-query";
import type { DbOrTx } from "@/lib/db/client";
import type { boardSchema } from "./schemas";

/** The board of /tavle for the key's organisations (its creator is "mine"): the page's own query. */
export async function boardForApi(
  db: DbOrTx,
  api: ApiCaller,
  filter: BoardFilter,
  options: { now?: Date } = {},
): Promise<z.input<typeof boardSchema>> {
  const { rows, ...board } = await getBoard(db, api.organisationIds, { id: api.actor.id }, filter, options);
  return { ...board, organisations: rows.map(({ cells, ...row }) => ({ ...row, months: cells })) };
}

import { boardForApi } from "@/lib/api/v1/board";
import { boardSchema } from "@/lib/api/v1/schemas";
import { boardFilterSchema } from "@/lib/board/board-filter";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** The board of /tavle for the key's organisations: the same query, filters and order. */
export const GET = defineRoute(
  {
    name: "api-v1-board",
    access: { apiKey: { scope: "read" } },
    query: boardFilterSchema,
    output: boardSchema,
  },
  async ({ query }, { api, db }) => boardForApi(db, api, query),
);

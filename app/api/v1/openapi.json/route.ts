import { z } from "zod";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-static";

/** The API's OpenAPI 3.1 document. */
export const GET = defineRoute(
  {
    name: "api-v1-openapi",
    access: { public: { why: "describes the API; holds no data" } },
    output: z.record(z.string(), z.unknown()),
  },
  async () => ({ ...openApiDocument() }),
);

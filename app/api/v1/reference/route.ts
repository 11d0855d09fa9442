import { openApiDocument } from "@/lib/api/v1/openapi";
import { referenceHtml } from "@/lib/api/v1/reference-html";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";

export const dynamic = "force-static";

/** The API reference, rendered on the server from the OpenAPI document. */
export const GET = defineRoute(
  { name: "api-v1-reference", access: { public: { why: "describes the API; holds no data" } }, output: STREAMED },
  async () =>
    new Response(referenceHtml(openApiDocument()), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
    }),
);

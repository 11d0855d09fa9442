import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { unsubscribeByToken } from "@/lib/notifications/unsubscribe";
import { defineRoute, STREAMED } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/**
 * The unsubscribe link's action: the confirmation page's form (app/avmelding) and mail programs'
 * one-click unsubscribe (RFC 8058, List-Unsubscribe-Post) POST here with the signed token in the
 * query. No session: the token is the proof, and it can only turn e-mail off for the user it names.
 */
export const POST = defineRoute(
  {
    name: "notifications-unsubscribe",
    access: { public: { why: "the signed token in the link is the proof; it only turns e-mail off for its user" } },
    query: z.object({ token: z.string().max(200) }),
    output: STREAMED,
  },
  async ({ query, request }) => {
    const result = env.AUTH_SECRET
      ? await unsubscribeByToken(getDb(), env.AUTH_SECRET, query.token)
      : ({ ok: false } as const);
    const page = new URL(`/avmelding?status=${result.ok ? "done" : "invalid"}`, env.AUTH_URL ?? request.url);
    return new Response(null, { status: 303, headers: { Location: page.pathname + page.search } });
  },
);

"use server";

import { z } from "zod/mini";
import { SafeError } from "@/lib/actions/action-result";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { DIAGNOSTIC_SCOPES } from "@/lib/config/scopes";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { getAppMaskinportenClient } from "./app-client";
import { MaskinportenError, type MaskinportenErrorMessage, maskinportenErrorMessage } from "./errors";

const testConnectionSchema = z.object({
  organisationId: z.uuid({ error: "required" }),
  scope: z.enum(DIAGNOSTIC_SCOPES),
});

export type ConnectionTestResult =
  | { ok: true; claims: Record<string, unknown> | null; expiresAt: string; scope: string; fromCache: boolean }
  | ({ ok: false; kind: string } & MaskinportenErrorMessage);

/**
 * "Test connection": asks Maskinporten for a token for this organisation's system user and shows
 * what came back, decoded. The token itself never leaves the server.
 */
export const testMaskinportenConnectionAction = defineAction(
  { name: "testMaskinportenConnection", permission: "maskinporten:diagnose", schema: testConnectionSchema },
  async (input, { user }): Promise<ConnectionTestResult> => {
    assertOrganisationAccess(user, input.organisationId);
    const [org] = (await listOrganisationsForUser(getDb(), user.organisationIds)).filter(
      (o) => o.id === input.organisationId,
    );
    if (!org) throw new SafeError("not_found", "errors.notFound");
    const app = getAppMaskinportenClient();
    if ("configError" in app) return { ok: false, kind: "config", ...app.configError };
    try {
      const token = await app.client.getToken({ scopes: [input.scope], systemUserOrg: org.orgnr });
      return {
        ok: true,
        claims: token.claims as Record<string, unknown> | null,
        expiresAt: token.expiresAt.toISOString(),
        scope: token.scope,
        fromCache: token.fromCache,
      };
    } catch (error) {
      if (!(error instanceof MaskinportenError)) throw error;
      return { ok: false, kind: error.kind, ...maskinportenErrorMessage(error) };
    }
  },
);

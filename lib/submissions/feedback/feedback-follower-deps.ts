import "server-only";
import type { Db } from "@/lib/db/client";
import { DIALOGPORTEN_SCOPE } from "@/lib/dialogporten/dialogporten-types";
import { createDialogportenEndUserClient } from "@/lib/dialogporten/enduser-client";
import { AMELDING_FEEDBACK_SCOPE, feedbackRequest } from "@/lib/reporting/amelding/feedback-adapter";
import { sendRequest } from "@/lib/reporting/send-request";
import type { TokenSource } from "../engine/delivery-deps";
import type { FeedbackFollowerDeps } from "./feedback-follower";

export type FeedbackFollowerConfig = {
  altinnPlatformUrl: string;
  feedbackApiUrl: string;
  workerId: string;
  requestTimeoutMs?: number;
  pollMs?: number;
  maxIntervalMs?: number;
  dialogMaxChecks?: number;
  maxWaitMs?: number;
};

/** The follower's dependencies from configuration; tokens come from the same Maskinporten client as delivery. */
export function createFeedbackFollowerDeps(
  db: Db,
  tokens: TokenSource,
  config: FeedbackFollowerConfig,
): FeedbackFollowerDeps {
  const timeoutMs = config.requestTimeoutMs ?? 30_000;
  const token = async (scope: string, orgnr: string) =>
    (await tokens.getToken({ scopes: [scope], systemUserOrg: orgnr })).accessToken;
  return {
    db,
    dialogporten: createDialogportenEndUserClient({
      platformUrl: config.altinnPlatformUrl,
      timeoutMs,
      getToken: (orgnr) => token(DIALOGPORTEN_SCOPE, orgnr),
    }),
    fetchFeedback: async (url, orgnr) =>
      sendRequest(feedbackRequest(url), await token(AMELDING_FEEDBACK_SCOPE, orgnr), { timeoutMs }),
    feedbackApiUrl: config.feedbackApiUrl,
    workerId: config.workerId,
    // Three requests and two tokens at most per check, with room to spare.
    leaseMs: 3 * timeoutMs + 30_000,
    batchSize: 10,
    firstIntervalMs: config.pollMs ?? 3_000,
    maxIntervalMs: config.maxIntervalMs ?? 900_000,
    dialogMaxChecks: config.dialogMaxChecks ?? 8,
    maxWaitMs: config.maxWaitMs ?? 72 * 3600_000,
  };
}

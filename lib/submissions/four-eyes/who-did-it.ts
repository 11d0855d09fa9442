import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/lib/db/client";
import { apiKeys, submissions, submissionVersions, users } from "@/lib/db/schema";

/** A person (and the API key they acted through, if any); null fields: unknown (docs/four-eyes.md). */
export type WhoPerson = { name: string; email: string } | null;
export type VersionWho = {
  versionNo: number;
  preparedBy: WhoPerson;
  preparedByApiKey: string | null;
  preparedAt: Date;
  approvalRequestedAt: Date | null;
  approvedBy: WhoPerson;
  approvedAt: Date | null;
  declinedBy: WhoPerson;
  declinedAt: Date | null;
  declineReason: string | null;
  sentBy: WhoPerson;
  sentByApiKey: string | null;
  sentAt: Date | null;
};

const preparer = alias(users, "preparer");
const approver = alias(users, "approver");
const decliner = alias(users, "decliner");
const sender = alias(users, "sender");
const preparerKey = alias(apiKeys, "preparer_key");
const senderKey = alias(apiKeys, "sender_key");

/**
 * Who prepared, approved or declined, and sent each version of a submission, oldest first;
 * empty outside `organisationIds`. Reads the versions by their (submission, version) index.
 */
export async function findWhoDidIt(db: DbOrTx, submissionId: string, organisationIds: string[]): Promise<VersionWho[]> {
  const rows = await db
    .select({
      versionNo: submissionVersions.versionNo,
      createdAt: submissionVersions.createdAt,
      preparer: { name: preparer.name, email: preparer.email },
      preparerKey: preparerKey.name,
      approvalRequestedAt: submissionVersions.approvalRequestedAt,
      approver: { name: approver.name, email: approver.email },
      approvedAt: submissionVersions.approvedAt,
      decliner: { name: decliner.name, email: decliner.email },
      declinedAt: submissionVersions.declinedAt,
      declineReason: submissionVersions.declineReason,
      sender: { name: sender.name, email: sender.email },
      senderKey: senderKey.name,
      sentAt: submissionVersions.sentAt,
    })
    .from(submissionVersions)
    .innerJoin(submissions, eq(submissions.id, submissionVersions.submissionId))
    .leftJoin(preparer, eq(preparer.id, submissionVersions.preparedBy))
    .leftJoin(preparerKey, eq(preparerKey.id, submissionVersions.preparedByApiKeyId))
    .leftJoin(approver, eq(approver.id, submissionVersions.approvedBy))
    .leftJoin(decliner, eq(decliner.id, submissionVersions.declinedBy))
    .leftJoin(sender, eq(sender.id, submissionVersions.sentBy))
    .leftJoin(senderKey, eq(senderKey.id, submissionVersions.sentByApiKeyId))
    .where(and(eq(submissionVersions.submissionId, submissionId), inArray(submissions.organisationId, organisationIds)))
    .orderBy(asc(submissionVersions.versionNo));
  return rows.map((r) => ({
    versionNo: r.versionNo,
    preparedBy: r.preparer,
    preparedByApiKey: r.preparerKey,
    preparedAt: r.createdAt,
    approvalRequestedAt: r.approvalRequestedAt,
    approvedBy: r.approver,
    approvedAt: r.approvedAt,
    declinedBy: r.decliner,
    declinedAt: r.declinedAt,
    declineReason: r.declineReason,
    sentBy: r.sender,
    sentByApiKey: r.senderKey,
    sentAt: r.sentAt,
  }));
}

/** Where the current version stands under four-eyes, for the list and the page. */
export function approvalStateOf(v: Pick<VersionWho, "approvalRequestedAt" | "approvedAt" | "declinedAt"> | undefined) {
  if (!v?.approvalRequestedAt || v.approvedAt) return null;
  return v.declinedAt ? ("declined" as const) : ("awaiting" as const);
}

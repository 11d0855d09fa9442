import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { isMeldingsIdUsed } from "@/lib/amelding/queries";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertPermission } from "@/lib/auth/assert-permission";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { organisations, submissions, submissionVersions } from "@/lib/db/schema";
import { createSubmission, PayloadInDatabase } from "@/lib/submissions/operations/operations";
import { previousMonthLeveranse } from "../rules/previous-month";
import type { RuleHit } from "../rules/rule-types";
import { type RulesView, readRulesView } from "../rules/rules-view";
import { blockingHits, runRulesOnView } from "../rules/run-rules";
import type { ImportIdentity, UnknownElementWarning } from "./import-issues";
import {
  type ImportChecked,
  type ImportFieldError,
  type ImportFormat,
  type ImportRejected,
  type ImportSaved,
  MAX_LISTED_RULE_HITS,
} from "./import-result";
import { type PreparedImport, rejected } from "./prepare-import";
import type { LeveranseSummary } from "./summarise-leveranse";

type ReadImport =
  | { ok: false; rejected: ImportRejected }
  | {
      ok: true;
      summary: LeveranseSummary;
      organisation: { id: string; name: string; orgnr: string };
      /** The accepted submission this file replaces (erstatterMeldingsId), when we sent it. */
      replacesSubmissionId: string | null;
      format: ImportFormat;
      xmlVersion?: string;
      warnings: UnknownElementWarning[];
      rulesView: RulesView;
    };

const messageError = (
  format: ImportFormat,
  warnings: UnknownElementWarning[],
  field: string,
  key: ImportFieldError["key"],
) =>
  rejected({ format, warnings, groups: [{ person: null, virksomhet: null, errors: [{ field, key }] }], errorCount: 1 });

/**
 * The accepted A-melding of the organisation whose meldingsId a file replaces (erstatterMeldingsId),
 * if it was sent from here; one sent by another system is not known here and is not an error.
 */
async function findReplacedSubmission(db: DbOrTx, organisationId: string, meldingsId: string) {
  const [row] = await db
    .select({ id: submissions.id, kalendermaaned: submissions.subject })
    .from(submissions)
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .where(
      and(
        eq(submissions.organisationId, organisationId),
        eq(submissions.kind, "amelding"),
        eq(submissions.status, "accepted"),
        sql`${submissionVersions.payload}->>'meldingsId' = ${meldingsId}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The errors of the checks that need the database, added to a file's own (one pass, nothing held back). */
function withDatabaseErrors(
  base: ImportRejected,
  documentErrors: ImportRejected["documentErrors"],
  fieldErrors: ImportFieldError[],
): ImportRejected {
  if (documentErrors.length === 0 && fieldErrors.length === 0) return base;
  const [first, ...rest] = base.groups;
  const groups =
    fieldErrors.length === 0
      ? base.groups
      : first && first.person === null
        ? [{ ...first, errors: [...fieldErrors, ...first.errors] }, ...rest]
        : [{ person: null, virksomhet: null, errors: fieldErrors }, ...base.groups];
  return {
    ...base,
    documentErrors: [...base.documentErrors, ...documentErrors],
    groups,
    errorCount: base.errorCount + documentErrors.length + fieldErrors.length,
    ...(base.listedCount !== undefined ? { listedCount: base.listedCount + fieldErrors.length } : {}),
  };
}

/**
 * The checks of a prepared file (prepare-import.ts: read and validated without the database)
 * that need the database: organisation access, meldingsId, the message it replaces. They run on
 * a file with field errors too (on its identity, where readable), so the user gets every error
 * at once rather than the next one after fixing the first.
 */
async function readImport(db: DbOrTx, organisationIds: string[], prepared: PreparedImport): Promise<ReadImport> {
  const identity: ImportIdentity | undefined = prepared.ok
    ? { ...prepared.summary, erstatterMeldingsId: prepared.summary.erstatterMeldingsId ?? undefined }
    : prepared.identity;
  const format = prepared.ok ? prepared.format : (prepared.rejected.format ?? "json");
  const warnings = prepared.ok ? prepared.warnings : prepared.rejected.warnings;
  const documentErrors: ImportRejected["documentErrors"] = [];
  const fieldErrors: ImportFieldError[] = [];
  let organisation: { id: string; name: string; orgnr: string } | undefined;
  let replaced: { id: string; kalendermaaned: string } | null = null;
  const orgnr = identity?.opplysningspliktig;
  if (orgnr) {
    // Only among the user's organisations (an orgnr may be registered by others too), so not found
    // and not granted answer alike and the import cannot be used to probe which organisations exist.
    [organisation] = organisationIds.length
      ? await db
          .select({ id: organisations.id, name: organisations.name, orgnr: organisations.orgnr })
          .from(organisations)
          .where(and(eq(organisations.orgnr, orgnr), inArray(organisations.id, organisationIds)))
          .limit(1)
      : [];
    if (!organisation) documentErrors.push({ code: "organisation_not_accessible", orgnr });
  }
  if (organisation && identity?.meldingsId && (await isMeldingsIdUsed(db, organisation.id, identity.meldingsId))) {
    fieldErrors.push({ field: "meldingsId", key: "meldingsIdUsed" });
  }
  if (organisation && identity?.erstatterMeldingsId) {
    replaced = await findReplacedSubmission(db, organisation.id, identity.erstatterMeldingsId);
    if (replaced && identity.kalendermaaned && replaced.kalendermaaned !== identity.kalendermaaned) {
      fieldErrors.push({ field: "kalendermaaned", key: "replacementMonthChanged" });
    }
  }
  if (!prepared.ok) return { ok: false, rejected: withDatabaseErrors(prepared.rejected, documentErrors, fieldErrors) };
  if (!organisation || documentErrors.length > 0 || fieldErrors.length > 0) {
    return {
      ok: false,
      rejected: withDatabaseErrors(rejected({ format, warnings }), documentErrors, fieldErrors),
    };
  }
  return {
    ok: true,
    summary: prepared.summary,
    organisation,
    replacesSubmissionId: replaced?.id ?? null,
    format,
    xmlVersion: prepared.xmlVersion,
    warnings,
    rulesView: prepared.rulesView,
  };
}

/** The control rules over the file, with the organisation's accepted A-melding of the month before. */
async function ruleHits(db: DbOrTx, organisationId: string, view: RulesView): Promise<RuleHit[]> {
  const previous = await previousMonthLeveranse(db, organisationId, view.kalendermaaned);
  return runRulesOnView(view, previous ? readRulesView(previous) : undefined);
}

/** Step 1: what the user sees before saving or sending: a summary, or every error by person and field. */
export async function checkImport(
  db: DbOrTx,
  organisationIds: string[],
  prepared: PreparedImport,
): Promise<ImportChecked | ImportRejected> {
  const read = await readImport(db, organisationIds, prepared);
  if (!read.ok) return read.rejected;
  const hits = await ruleHits(db, read.organisation.id, read.rulesView);
  return {
    ok: true,
    rules: {
      hits: hits.slice(0, MAX_LISTED_RULE_HITS).map((h) => ({
        ruleId: h.ruleId,
        skatteetatenCode: h.skatteetatenCode,
        severity: h.severity,
        path: h.path,
        ...(h.params ? { params: h.params } : {}),
      })),
      total: hits.length,
    },
    format: read.format,
    ...(read.xmlVersion ? { xmlVersion: read.xmlVersion } : {}),
    organisation: { name: read.organisation.name, orgnr: read.organisation.orgnr },
    summary: read.summary,
    warnings: read.warnings,
  };
}

class MeldingsIdTaken extends Error {}

/**
 * Step 2: the same file again (never trusted from step 1), saved as a draft or queued for
 * sending, in one transaction with its audit entries. Imports for one organisation are
 * serialised on its row, so two uploads of the same file cannot both take its meldingsId.
 * The payload (the normalised leveranse as JSON text) arrives in parts, which go into a
 * temporary table and become the jsonb payload there: the web server never holds all of it.
 */
export async function saveImport(
  db: Db,
  actor: AuditUser & { role: Role; organisationIds: string[] },
  prepared: PreparedImport,
  payload: AsyncIterable<string>,
  intent: "draft" | "submit",
): Promise<ImportSaved | ImportRejected> {
  const read = await readImport(db, actor.organisationIds, prepared);
  if (!read.ok) return read.rejected;
  const { summary, organisation, replacesSubmissionId, format, xmlVersion, warnings } = read;
  // A replacement (erstatterMeldingsId, whether or not we sent the message it replaces) is a resend.
  if (summary.erstatterMeldingsId) assertPermission(actor, "submission:resend");
  const queue = intent === "submit";
  if (queue) {
    const blocking = blockingHits(await ruleHits(db, organisation.id, read.rulesView));
    if (blocking.length > 0)
      return rejected({
        format,
        warnings,
        documentErrors: [
          { code: "rules_blocked", rules: [...new Set(blocking.map((h) => h.skatteetatenCode ?? h.ruleId))] },
        ],
        errorCount: 1,
      });
  }
  try {
    return await db.transaction(async (tx) => {
      await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisation.id))
        .for("update");
      if (await isMeldingsIdUsed(tx, organisation.id, summary.meldingsId)) throw new MeldingsIdTaken();
      await tx.execute(
        sql`create temporary table import_payload (seq integer not null, part text not null) on commit drop`,
      );
      let seq = 0;
      for await (const part of payload)
        await tx.execute(sql`insert into import_payload (seq, part) values (${seq++}, ${part})`);
      const { submissionId, queued, awaitingApproval } = await createSubmission(tx, actor, {
        organisationId: organisation.id,
        kind: "amelding",
        subject: summary.kalendermaaned,
        payload: new PayloadInDatabase(
          "amelding",
          sql`(select string_agg(part, '' order by seq)::jsonb from import_payload)`,
        ),
        queue,
        ...(replacesSubmissionId ? { replacesSubmissionId } : {}),
      });
      await recordAudit(tx, userActor(actor), {
        action: "amelding.import",
        targetType: "submission",
        targetId: submissionId,
        organisationIds: [organisation.id],
        details: {
          format,
          ...(xmlVersion ? { xmlVersion } : {}),
          kalendermaaned: summary.kalendermaaned,
          meldingsId: summary.meldingsId,
          virksomheter: summary.virksomheter.length,
          persons: summary.persons,
          unknownElements: warnings.map((w) => w.element),
          replacesSubmissionId,
          queued,
        },
      });
      return { ok: true as const, submissionId, queued, awaitingApproval };
    });
  } catch (error) {
    if (error instanceof MeldingsIdTaken) return messageError(format, warnings, "meldingsId", "meldingsIdUsed");
    throw error;
  }
}

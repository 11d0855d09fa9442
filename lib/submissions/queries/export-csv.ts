import "server-only";
import { userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { type CsvValue, csvAmount, csvStream } from "@/lib/csv/csv";
import { formatCsvTime } from "@/lib/csv/csv-time";
import type { Db } from "@/lib/db/client";
import { rememberingTranslator, type Translator } from "@/lib/i18n/translator";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import {
  beginSubmissionExport,
  EXPORT_MAX_IDENTIFIERS,
  type SubmissionExportRow,
  submissionExportPages,
} from "./export-query";
import type { SubmissionListFilter } from "./list-filter";
import { errorSummary } from "./list-rows";

const COLUMNS = [
  "created",
  "id",
  "link",
  "orgnr",
  "organisation",
  "kind",
  "subject",
  "status",
  "errorCode",
  "errorText",
  "korrelasjonsid",
  "forsendelseId",
  "meldingsId",
  "dialogId",
  "attempts",
  "acceptedAt",
  "oppdragstaker",
  "oppdragstakerId",
  "inntektsmottakere",
  "inntektsmottakerIds",
  "forskuddstrekk",
  "arbeidsgiveravgift",
] as const;

export function submissionCsvHeader(t: Translator): string[] {
  return COLUMNS.map((c) => t(`history.csv.${c}`));
}

/**
 * One CSV row. Without personal_data:read_unmasked every fødselsnummer / d-nummer is masked,
 * in the identifier columns and in any free text that might quote one (Skatteetaten's error
 * messages echo the rejected value).
 */
export function submissionCsvRow(
  row: SubmissionExportRow,
  options: { unmasked: boolean; t: Translator; locale: string },
): CsvValue[] {
  const { t, locale } = options;
  const mask = (text: string | null) => (text === null || options.unmasked ? text : maskPersonalNumbers(text));
  const ids = mask(row.inntektsmottakerIds);
  const truncated = row.inntektsmottakere !== null && row.inntektsmottakere > EXPORT_MAX_IDENTIFIERS;
  return [
    formatCsvTime(row.createdAt),
    row.id,
    // Relative: the server cannot know the address the reader uses (a proxy, a host name).
    `/innsendinger/${row.id}`,
    row.orgnr,
    row.organisationName,
    t(`kind.${row.kind}`),
    mask(row.subject),
    t(`status.${row.status}`),
    row.lastErrorCode,
    mask(errorSummary(row, t, locale)),
    row.korrelasjonsid,
    row.receivedIds?.forsendelseId,
    row.receivedIds?.meldingsId,
    row.receivedIds?.dialogId,
    row.attemptCount,
    row.acceptedAt ? formatCsvTime(row.acceptedAt) : null,
    mask(row.oppdragstakerNavn),
    mask(row.oppdragstakerId),
    row.inntektsmottakere,
    ids && truncated ? `${ids}, …` : ids,
    csvAmount(row.reportedForskuddstrekk, locale),
    csvAmount(row.reportedArbeidsgiveravgift, locale),
  ];
}

/**
 * Starts a CSV export of the filtered submissions the user may see and records it in the audit
 * log. The audit entry is written here, before the first byte, in its own transaction: the
 * export changes nothing, so there is no change to share a transaction with, and writing it up
 * front means an export the client breaks off midway is still on record. No audit entry, no
 * export: if the write fails this throws and the caller answers with an error.
 */
export async function startSubmissionsExport(
  db: Db,
  user: CurrentUser,
  filter: SubmissionListFilter,
  options: { t: Translator; locale: string; readDb?: Db },
) {
  // Rows may come from a read replica (DATABASE_READ_URL); the audit entry is always written to db.
  const readDb = options.readDb ?? db;
  const unmasked = hasPermission(user.role, "personal_data:read_unmasked");
  const exported = { ...filter, cursor: undefined };
  const { rowCount, until } = await beginSubmissionExport(readDb, user.organisationIds, exported);
  await db.transaction((tx) =>
    recordAudit(tx, userActor(user), {
      action: "submissions.exported",
      targetType: "submission",
      // The export covers one organisation when filtered to it, else every one the user has.
      organisationIds: filter.org && user.organisationIds.includes(filter.org) ? [filter.org] : user.organisationIds,
      details: { format: "csv", filter: exported, rowCount, until, personalDataMasked: !unmasked },
    }),
  );
  const rowOptions = { ...options, t: rememberingTranslator(options.t), unmasked };
  async function* rows() {
    for await (const page of submissionExportPages(readDb, user.organisationIds, exported, until)) {
      yield page.map((row) => submissionCsvRow(row, rowOptions));
    }
  }
  return { rowCount, stream: csvStream(submissionCsvHeader(options.t), rows()) };
}

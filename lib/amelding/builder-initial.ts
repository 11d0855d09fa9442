import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/lib/db/client";
import { CORRECTABLE_STATUSES, draftToken } from "@/lib/submissions/operations/operations";
import { findSubmissionWithHistory } from "@/lib/submissions/queries/submission-history";
import { nextDueMonth, osloDate } from "./deadlines";
import { blankLeveranse, type FormValues, KILDESYSTEM } from "./form-values";
import { lookUpReplaceableAmelding } from "./queries";
import { upgradeLeveranse } from "./upgrade-leveranse";

/** A fresh meldingsId for every new message (rule MAGNET_EDAG-181). */
export const newMeldingsId = () => randomUUID();

/**
 * A stored payload as builder values, brought to model v2.3 (a draft saved before it keeps
 * opening): a new or replacement message has no leveringstidspunkt until it is sent.
 */
function fromPayload(payload: Record<string, unknown>, overrides: FormValues): FormValues {
  const { leveringstidspunkt: _, ...rest } = upgradeLeveranse(payload).leveranse;
  return { ...rest, kildesystem: KILDESYSTEM, ...overrides };
}

export type BuilderStart =
  | { mode: "new"; initial: FormValues }
  | { mode: "replace"; initial: FormValues; replacesSubmissionId: string; organisationId: string }
  | {
      mode: "edit";
      initial: FormValues;
      submissionId: string;
      organisationId: string;
      isDraft: boolean;
      /** The version the builder edits (operations.ts draftToken): a save over a newer one is refused. */
      draftToken: string;
    }
  | { mode: "refused"; reason: "notFound" | "notAccepted" | "alreadyReplaced" | "notEditable" };

const UUID = /^[0-9a-f-]{36}$/i;
const KALENDERMAANED = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * What the builder starts from: blank, a replacement of an accepted A-melding (`?erstatter=`,
 * with a new meldingsId and erstatterMeldingsId set to the replaced one), or a saved draft or
 * rejected one (`?utkast=`). A draft keeps its meldingsId; a correction of a rejected one gets a new one.
 */
export async function builderStart(
  db: DbOrTx,
  organisationIds: string[],
  defaultOrgnr: string,
  params: { erstatter?: string; utkast?: string; maaned?: string },
  now = new Date(),
): Promise<BuilderStart> {
  if (params.erstatter) {
    if (!UUID.test(params.erstatter)) return { mode: "refused", reason: "notFound" };
    const lookup = await lookUpReplaceableAmelding(db, params.erstatter, organisationIds);
    if (!lookup.ok) return { mode: "refused", reason: lookup.reason };
    const { amelding } = lookup;
    return {
      mode: "replace",
      replacesSubmissionId: amelding.id,
      organisationId: amelding.organisationId,
      initial: fromPayload(amelding.payload, { meldingsId: newMeldingsId(), erstatterMeldingsId: amelding.meldingsId }),
    };
  }
  if (params.utkast) {
    const s = UUID.test(params.utkast) ? await findSubmissionWithHistory(db, params.utkast, organisationIds) : null;
    // No A-melding by that id among the caller's organisations: the page answers 404.
    if (s?.kind !== "amelding") return { mode: "refused", reason: "notFound" };
    if (!CORRECTABLE_STATUSES.includes(s.status)) return { mode: "refused", reason: "notEditable" };
    const current = s.versions.find((v) => v.id === s.currentVersionId) ?? s.versions.at(-1);
    if (!current) return { mode: "refused", reason: "notEditable" };
    const isDraft = s.status === "draft";
    return {
      mode: "edit",
      submissionId: s.id,
      organisationId: s.organisationId,
      isDraft,
      draftToken: draftToken(current),
      initial: fromPayload(current.payload, isDraft ? {} : { meldingsId: newMeldingsId() }),
    };
  }
  return {
    mode: "new",
    initial: blankLeveranse({
      meldingsId: newMeldingsId(),
      opplysningspliktig: defaultOrgnr,
      // The month asked for (`?maaned=`, e.g. from the board), else the month due next, never
      // one whose deadline has passed (deadlines.ts).
      kalendermaaned: params.maaned && KALENDERMAANED.test(params.maaned) ? params.maaned : nextDueMonth(osloDate(now)),
    }),
  };
}

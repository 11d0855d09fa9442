import type { FeedbackStatus } from "@/lib/db/schema";
import type { Transmission } from "@/lib/dialogporten/dialogporten-types";
import { stiToModelPath } from "@/lib/field-location/model-path";
import type { OutgoingRequest } from "../adapter";
import { AMELDING_SCOPE } from "./amelding-adapter";

/**
 * The A-melding feedback (tilbakemelding): which Dialogporten transmission carries it, how it is
 * fetched, and how its document reads. Skatteetaten's feedback format is published only on
 * SwaggerHub (docs/skatteetaten-contract.md, "Feedback"); everything that depends on it lives in
 * this file, read tolerantly, and the raw document is always kept beside our reading of it.
 */

/** The feedback API uses the same scope as the A-melding API (docs/api/innrapportering-amelding.md). */
export const AMELDING_FEEDBACK_SCOPE = AMELDING_SCOPE;

/** The Altinn resource of the A-melding service (docs/skatteetaten-contract.md); Skatteetaten's A-melding dialogs refer to it. */
export const AMELDING_DIALOG_SERVICE_RESOURCE = "urn:altinn:resource:ske-innrapportering-amelding";

export type FeedbackSeverity = "rejection" | "immediate" | "guideline" | "unknown";
export type FeedbackOutcome = "accepted" | "accepted_with_deviations" | "rejected";

export type FeedbackDeviation = {
  code: string | null;
  severity: FeedbackSeverity;
  message: string | null;
  /** The inntektsmottaker concerned: fødselsnummer / d-nummer or foreign id, and name. */
  person: { identifier: string | null; name: string | null } | null;
  /** The virksomhet (sub-unit orgnr) concerned. */
  virksomhet: string | null;
  /** As Skatteetaten gave it, e.g. /leveranse/oppgave/virksomhet/0/inntektsmottaker/2/arbeidsforhold. */
  sti: string | null;
  /** The same place as a dotted path in our leveranse model: oppgave.virksomhet.0.inntektsmottaker.2.arbeidsforhold. */
  fieldPath: string | null;
};

export type FeedbackSums = {
  sumForskuddstrekk: number | null;
  sumArbeidsgiveravgift: number | null;
  kontonummer: string | null;
  kid: string | null;
  forfallsdato: string | null;
};

export type ParsedFeedback = {
  outcome: FeedbackOutcome;
  /** The overall result exactly as the document stated it, if it did. */
  statedResult: string | null;
  deviations: FeedbackDeviation[];
  sums: FeedbackSums | null;
  meldingsId: string | null;
  forsendelseId: string | null;
  processedAt: string | null;
};

export type FeedbackTransmission =
  | { kind: "none" }
  | { kind: "found"; transmissionId: string | null; url: string }
  /** The feedback is there, but this system user may not open it. */
  | { kind: "unauthorized"; transmissionId: string | null };

/**
 * When Skatteetaten's answer carried no dialogId, which of the party's dialogs is the
 * submission's is [open]; we take the one whose externalReference is its forsendelseId or meldingsId.
 */
export function isDialogOfSubmission(
  dialog: { externalReference?: string | null },
  receivedIds: Record<string, string>,
): boolean {
  const ref = dialog.externalReference;
  return Boolean(ref) && (ref === receivedIds.forsendelseId || ref === receivedIds.meldingsId);
}

const FROM_PARTY = new Set(["Submission", "Correction"]);

/**
 * The feedback is the service owner's newest transmission (Acceptance, Rejection, …; not the
 * party's own Submission or Correction) with an attachment URL for API consumers.
 */
export function findFeedbackTransmission(transmissions: Transmission[]): FeedbackTransmission {
  const candidates = transmissions
    .filter((t) => !FROM_PARTY.has(t.type ?? "") && t.sender?.actorType !== "PartyRepresentative" && !t.deletedAt)
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
  for (const t of candidates) {
    const apiUrl = (t.attachments ?? []).flatMap((a) => a.urls ?? []).find((u) => u.consumerType === "Api" && u.url);
    if (!apiUrl?.url) continue;
    if (t.isAuthorized === false || apiUrl.url === "urn:dialogporten:unauthorized")
      return { kind: "unauthorized", transmissionId: t.id ?? null };
    return { kind: "found", transmissionId: t.id ?? null, url: apiUrl.url };
  }
  return { kind: "none" };
}

/** GET the attachment's Api URL; the sender adds the token (scope AMELDING_FEEDBACK_SCOPE). */
export function feedbackRequest(url: string): OutgoingRequest {
  return { method: "GET", url, headers: { Accept: "application/json" }, body: "" };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null;
/** The first of several possible names a field may have. */
const pick = (o: Obj, ...keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);
const num = (v: unknown): number | null => {
  const n =
    typeof v === "number"
      ? v
      : typeof v === "string" && v.trim() !== ""
        ? Number(v.replace(/\s/g, "").replace(",", "."))
        : NaN;
  return Number.isFinite(n) ? n : null;
};

export function readSeverity(value: unknown): FeedbackSeverity {
  const s = (str(value) ?? "").toLowerCase().replace(/ø/g, "oe");
  if (s.startsWith("avvis") || s === "rejection") return "rejection";
  if (s.startsWith("oeyeblikkelig") || s.startsWith("oyeblikkelig") || s === "immediate") return "immediate";
  if (s.startsWith("retningslinje") || s === "guideline") return "guideline";
  return "unknown";
}

function readPerson(value: unknown): FeedbackDeviation["person"] {
  if (typeof value === "string") return { identifier: value, name: null };
  if (!isObj(value)) return null;
  const identifier = str(
    pick(value, "identifikator", "norskIdentifikator", "foedselsnummer", "internasjonalIdentifikator"),
  );
  const name = str(pick(value, "navn", "name"));
  return identifier || name ? { identifier, name } : null;
}

function readDeviation(value: unknown): FeedbackDeviation | null {
  if (!isObj(value)) return null;
  const sti = str(pick(value, "sti", "felt", "path"));
  const virksomhet = pick(value, "virksomhet");
  return {
    code: str(pick(value, "kode", "kontrollkode", "regelkode", "code")),
    severity: readSeverity(pick(value, "alvorlighetsgrad", "alvorlighet", "severity")),
    message: str(pick(value, "melding", "beskrivelse", "tekst", "message")),
    person: readPerson(pick(value, "inntektsmottaker", "person")),
    virksomhet: isObj(virksomhet) ? str(virksomhet.norskIdentifikator) : str(virksomhet),
    sti,
    fieldPath: stiToModelPath("amelding", sti),
  };
}

function readSums(value: unknown): FeedbackSums | null {
  if (!isObj(value)) return null;
  const payment = isObj(value.betalingsinformasjon) ? value.betalingsinformasjon : value;
  const sums: FeedbackSums = {
    sumForskuddstrekk: num(pick(value, "sumForskuddstrekk", "forskuddstrekk")),
    sumArbeidsgiveravgift: num(pick(value, "sumArbeidsgiveravgift", "arbeidsgiveravgift")),
    kontonummer: str(pick(payment, "kontonummer", "kontonr")),
    kid: str(pick(payment, "kid", "KID")),
    forfallsdato: str(pick(payment, "forfallsdato", "forfall")),
  };
  return Object.values(sums).some((v) => v !== null) ? sums : null;
}

function statedOutcome(result: string | null): FeedbackOutcome | null {
  const r = (result ?? "").toUpperCase();
  if (r.includes("AVVIST") || r.includes("REJECT")) return "rejected";
  if (r.includes("AVVIK") || r.includes("DEVIATION")) return "accepted_with_deviations";
  if (r.includes("GODKJENT") || r.includes("MOTTATT") || r.includes("ACCEPT") || r === "OK") return "accepted";
  return null;
}

const RANK: Record<FeedbackOutcome, number> = { accepted: 0, accepted_with_deviations: 1, rejected: 2 };

/**
 * Reads a feedback document. Unknown shapes still read as far as they go: the overall outcome is
 * the stricter of what the document states and what its deviations imply (an Avvisning rejects,
 * an Øyeblikkelig needs a replacement; a Retningslinje alone leaves it accepted).
 */
export function parseFeedbackDocument(document: unknown): ParsedFeedback {
  const root = isObj(document) ? document : {};
  const body = isObj(root.tilbakemelding) ? root.tilbakemelding : root;
  const rawDeviations = pick(body, "avvik", "avviksliste", "deviations");
  const deviations = (Array.isArray(rawDeviations) ? rawDeviations : [])
    .map(readDeviation)
    .filter((d): d is FeedbackDeviation => d !== null);
  const implied: FeedbackOutcome = deviations.some((d) => d.severity === "rejection")
    ? "rejected"
    : deviations.some((d) => d.severity === "immediate")
      ? "accepted_with_deviations"
      : "accepted";
  const statedResult = str(pick(body, "behandlingsresultat", "resultat", "status"));
  const stated = statedOutcome(statedResult);
  return {
    outcome: stated && RANK[stated] > RANK[implied] ? stated : implied,
    statedResult,
    deviations,
    sums: readSums(pick(body, "mottattPeriode", "betalingsinformasjon", "summer")),
    meldingsId: str(body.meldingsId),
    forsendelseId: str(body.forsendelseId),
    processedAt: str(pick(body, "behandlingstidspunkt", "tidspunkt")),
  };
}

/** Reads the feedback API's answer body: the document as JSON, or why it cannot be read. */
export function readFeedbackBody(
  body: string,
): { ok: true; document: Record<string, unknown>; parsed: ParsedFeedback } | { ok: false; reason: string } {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return { ok: false, reason: "The feedback document is not JSON" };
  }
  if (!isObj(document)) return { ok: false, reason: "The feedback document is not a JSON object" };
  return { ok: true, document, parsed: parseFeedbackDocument(document) };
}

export function feedbackStatusOf(
  parsed: Pick<ParsedFeedback, "outcome">,
): Extract<FeedbackStatus, "ok" | "deviations" | "rejected"> {
  return parsed.outcome === "rejected"
    ? "rejected"
    : parsed.outcome === "accepted_with_deviations"
      ? "deviations"
      : "ok";
}

import { z } from "zod";
import type { ReportKind } from "@/lib/db/schema";

/*
 * What makes a stored payload a report of its kind: the fields its adapter reads to build the
 * request (lib/reporting/<kind>/…-adapter.ts). This is not the full validation, which the form,
 * builder and import do with their own schemas before saving (lib/oppdrag/oppdrag-form-schema.ts,
 * lib/amelding/leveranse-schema.ts; a draft is checked with the draft rules). It is cheap enough
 * for the worker to check every payload before building a request, and it tells the kinds apart:
 * an oppdrag has no kalendermaaned, an A-melding no oppdragsreferanse.
 */
const text = z.string().trim().min(1);
const party = z.looseObject({ navn: text });

const PAYLOAD_SHAPES = {
  oar: z.looseObject({
    oppdragsreferanse: text,
    oppdragsgiver: party,
    oppdragstaker: party,
    oppdrag: z.looseObject({
      beskrivelse: text,
      arbeidssted: z.looseObject({ type: z.enum(["land", "sokkel"]) }),
      startdato: text,
      forventetSluttdato: text,
      kontraktsverdiNok: z.number().finite(),
    }),
  }),
  amelding: z.looseObject({
    kalendermaaned: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    meldingsId: text,
    opplysningspliktig: z.looseObject({ norskIdentifikator: z.string().regex(/^\d{9}$/) }),
    oppgave: z.looseObject({}),
  }),
} satisfies Record<ReportKind, z.ZodType>;

/** A stored payload of each kind: the fields above, and whatever else the report holds. */
export type PayloadOfKind = { [K in ReportKind]: z.infer<(typeof PAYLOAD_SHAPES)[K]> };
export type OarPayload = PayloadOfKind["oar"];
export type AmeldingPayload = PayloadOfKind["amelding"];
/** A report of its submission's kind, as queued and sent. */
export type ReportPayload = OarPayload | AmeldingPayload;
/**
 * A draft's payload: whatever was filled in, parsed with its kind's lenient draft schema; checked
 * with payloadFitsKind and the full schema only when it is sent.
 */
export type DraftPayload = Record<string, unknown>;
/** What `submission_versions.payload` holds: a report, or (while its submission is a draft) a draft. */
export type StoredPayload = ReportPayload | DraftPayload;

/** Whether the payload is a report of this kind (see above for what that covers). */
export function payloadFitsKind<K extends ReportKind>(kind: K, payload: unknown): payload is PayloadOfKind[K] {
  const shape = PAYLOAD_SHAPES[kind];
  return shape?.safeParse(payload).success === true;
}

import { z } from "zod";
import { JSON_HEADERS, type OutgoingRequest, readAnswerWith } from "../adapter";
import { decodeSkatteetatenError } from "../errors/decode-skatteetaten-error";
import type { DecodedSkatteetatenError } from "../errors/decoded-error";
import { catalogueEntry } from "../errors/error-catalogue";
import { AMELDING_SCOPE, ameldingAnswerSchema } from "./amelding-adapter";

/*
 * Wire format of Skatteetaten's A-melding file-upload API, for A-meldinger over 10 MB
 * (docs/api/innrapportering-amelding-filopplasting.md; docs/skatteetaten-contract.md, "File
 * upload"): POST /opplastinger with the same `{"leveranse": …}` body as the submission endpoint
 * → `{status: "LASTER_OPP", id, …}`; poll GET /opplastinger/{id} until KLAR_TIL_INNSENDING or
 * VALIDERING_FEILET (with feilliste); PUT /innsending → `{dialogId, forsendelseId, meldingsId}`;
 * DELETE /opplastinger/{id} removes an upload. PUT names the upload as `{"id": …}` and no
 * idempotency key is sent: both are our reading, the one the sandbox accepts. Repeating PUT
 * for the same upload is what makes a retry safe; POST is not idempotent, so an upload whose
 * answer was lost is simply made again (nothing is sent in under the orphan). The delivery
 * engine drives the flow (lib/submissions/engine/upload-progress.ts).
 */

export const OPPLASTING_STATUSES = ["LASTER_OPP", "KLAR_TIL_INNSENDING", "VALIDERING_FEILET"] as const;

/**
 * An upload's id goes into the next requests' path and into our records, so only a plain token
 * is taken (the published example is a UUID): no slash, no "." or ".." path segment.
 */
const UPLOAD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const statusSchema = z.object({
  status: z.enum(OPPLASTING_STATUSES),
  id: z.string().regex(UPLOAD_ID),
  feilliste: z.array(z.unknown()).nullable().optional(),
  sistOppdatertTidspunkt: z.string().nullable().optional(),
});

export type OpplastingStatus = z.infer<typeof statusSchema>;

export function createAmeldingUploadAdapter(config: { baseUrl: string }) {
  const base = config.baseUrl.replace(/\/$/, "");
  const read = (method: "GET" | "DELETE", path: string): OutgoingRequest => ({
    method,
    url: `${base}${path}`,
    headers: { Accept: "application/json" },
    body: "",
  });
  return {
    scope: AMELDING_SCOPE,
    /**
     * POST /opplastinger. Its body is the submission endpoint's (`{"leveranse": …}` with the same
     * JSON types; the published upload example is that body), so `body` is the body the A-melding
     * adapter built for this A-melding, sent as it is rather than serialised a second time.
     */
    upload(body: string): OutgoingRequest {
      return { method: "POST", url: `${base}/opplastinger`, headers: { ...JSON_HEADERS }, body };
    },
    status: (id: string) => read("GET", `/opplastinger/${encodeURIComponent(id)}`),
    remove: (id: string) => read("DELETE", `/opplastinger/${encodeURIComponent(id)}`),
    /** PUT /innsending of an upload that is KLAR_TIL_INNSENDING. */
    submit(id: string): OutgoingRequest {
      return { method: "PUT", url: `${base}/innsending`, headers: { ...JSON_HEADERS }, body: JSON.stringify({ id }) };
    },
    /**
     * The status object of an answer to POST /opplastinger or GET /opplastinger/{id}, or null
     * when the answer is not one (never read as success). The published status example is a
     * one-element array; a bare object is read too.
     */
    readStatus(body: string): OpplastingStatus | null {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return null;
      }
      const candidate = Array.isArray(parsed) ? (parsed.length === 1 ? parsed[0] : undefined) : parsed;
      const result = statusSchema.safeParse(candidate);
      return result.success ? result.data : null;
    },
    /** The ids of PUT /innsending's answer (the submission endpoint's answer), or "unreadable". */
    readAccepted: (body: string) => readAnswerWith(ameldingAnswerSchema, body),
  };
}

export type AmeldingUploadAdapter = ReturnType<typeof createAmeldingUploadAdapter>;

/**
 * A VALIDERING_FEILET upload, decoded like any rejection: its feilliste entries are the
 * specifications. The status carries no main code, so it is read as AMLD_010 ("Feil i
 * forbindelse med validering av payload", in the upload API's code table), which the submission
 * endpoint answers for the same problems; a known entry code still refines the decision (our
 * reading; docs/skatteetaten-contract.md, "File upload").
 */
export function decodeUploadValidation(status: OpplastingStatus): DecodedSkatteetatenError {
  const decoded = decodeSkatteetatenError({
    status: 400,
    contentType: "application/json",
    body: JSON.stringify(status),
    api: "amelding",
  });
  const validation = catalogueEntry("AMLD_010");
  const named = decoded.code === null ? { ...decoded, code: validation.code, known: true, entry: validation } : decoded;
  if (decoded.specifications.some((s) => s.known)) return named;
  return {
    ...named,
    category: validation.category,
    retryable: validation.retryable,
    action: validation.action,
    hintNb: validation.hintNb,
    hintEn: validation.hintEn,
  };
}

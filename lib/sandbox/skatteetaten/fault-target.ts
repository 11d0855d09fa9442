import "server-only";
import type { SandboxState } from "./sandbox-state";
import { isJsonObject } from "./shape-check";

function parseLeniently(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The orgnr an OAR fault may be aimed at: oppdragsgiver.organisasjonsnummer, read leniently
 * because faults are decided before the body is checked at all.
 */
export function oarFaultOrgnr(rawBody: Buffer): string | undefined {
  const body = parseLeniently(rawBody);
  if (!isJsonObject(body) || !isJsonObject(body.oppdragsgiver)) return undefined;
  const orgnr = body.oppdragsgiver.organisasjonsnummer;
  return typeof orgnr === "string" ? orgnr : undefined;
}

function opplysningspliktigOf(body: unknown): string | undefined {
  if (!isJsonObject(body) || !isJsonObject(body.leveranse) || !isJsonObject(body.leveranse.opplysningspliktig))
    return undefined;
  const orgnr = body.leveranse.opplysningspliktig.norskIdentifikator;
  return typeof orgnr === "string" ? orgnr : undefined;
}

/**
 * The orgnr a fault on the file-upload API may be aimed at: the opplysningspliktig of the
 * A-melding being uploaded, or of the upload named by the path (status, delete) or body (PUT).
 */
export function uploadFaultOrgnr(
  rawBody: Buffer,
  opplastingId: string | undefined,
  state: SandboxState,
): string | undefined {
  const body = parseLeniently(rawBody);
  const id = opplastingId ?? (isJsonObject(body) && typeof body.id === "string" ? body.id : undefined);
  if (id === undefined) return opplysningspliktigOf(body);
  return state.findOpplasting(id)?.leveranse?.opplysningspliktig;
}

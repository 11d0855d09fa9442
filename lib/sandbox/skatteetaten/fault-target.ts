import "server-only";
import { isJsonObject } from "./shape-check";

/**
 * The orgnr an OAR fault may be aimed at: oppdragsgiver.organisasjonsnummer, read leniently
 * because faults are decided before the body is checked at all.
 */
export function oarFaultOrgnr(rawBody: Buffer): string | undefined {
  try {
    const body: unknown = JSON.parse(rawBody.toString("utf8"));
    if (!isJsonObject(body) || !isJsonObject(body.oppdragsgiver)) return undefined;
    const orgnr = body.oppdragsgiver.organisasjonsnummer;
    return typeof orgnr === "string" ? orgnr : undefined;
  } catch {
    return undefined;
  }
}

import "server-only";
import { stiToModelPath } from "@/lib/field-location/model-path";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import type { Oppdrag } from "@/lib/reporting/oar/oppdrag-model";

type Attempt = { outcome: string; decodedError: Pick<DecodedSkatteetatenError, "specifications"> | null };

/** The form's initial values from a stored version (the model is the form's own shape). */
export function oppdragToFormInitial(payload: Record<string, unknown>) {
  const { oppdragsreferanse: _, ...values } = payload as Oppdrag;
  return { ...values, hovedoppdragsgiverErAnnen: Boolean(values.hovedoppdragsgiver) };
}

/** Form fields the last rejection's specification entries point at, with Skatteetaten's message. */
export function rejectedFieldsFrom(attempts: Attempt[]): Record<string, string> {
  const last = [...attempts].reverse().find((a) => a.outcome === "rejected");
  const specs = last?.decodedError?.specifications ?? [];
  const out: Record<string, string> = {};
  for (const s of specs) {
    const path = stiToModelPath("oar", s.sti);
    if (!path) continue;
    out[path] = [s.kode, s.melding].filter(Boolean).join(": ");
  }
  return out;
}

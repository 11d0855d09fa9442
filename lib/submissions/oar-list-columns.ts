import type { ReportKind } from "@/lib/db/schema";
import { isValidTimeBound } from "@/lib/filters/time-range";

/** The submissions columns /oppdrag lists and filters by (lib/db/schema.ts, `oar_*`). */
export type OarListColumns = {
  oarContractorName: string | null;
  oarContractValueNok: string | null;
  oarStartDate: string | null;
  oarEndDate: string | null;
};

const NONE: OarListColumns = {
  oarContractorName: null,
  oarContractValueNok: null,
  oarStartDate: null,
  oarEndDate: null,
};

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function dateOf(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidTimeBound(value) ? value : null;
}

/**
 * An oppdrag's contractor, contract value and period as stored beside the submission, read from
 * the payload of the version that becomes current (every write that changes current_version_id
 * sets them; the migration that added them filled them the same way). A draft may lack a field:
 * that column is then null. Other kinds have none.
 */
export function oarListColumns(kind: ReportKind, payload: unknown): OarListColumns {
  if (kind !== "oar") return NONE;
  const name = field(field(payload, "oppdragstaker"), "navn");
  const oppdrag = field(payload, "oppdrag");
  const value = field(oppdrag, "kontraktsverdiNok");
  return {
    oarContractorName: typeof name === "string" && name.trim() ? name.trim() : null,
    oarContractValueNok: typeof value === "number" && Number.isFinite(value) ? String(value) : null,
    oarStartDate: dateOf(field(oppdrag, "startdato")),
    oarEndDate: dateOf(field(oppdrag, "forventetSluttdato")),
  };
}

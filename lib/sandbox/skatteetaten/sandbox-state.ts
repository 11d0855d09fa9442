import "server-only";
import type { Opplasting } from "./amelding-filopplasting";
import type { ReconciliationAdjustment } from "./avstemmingsrapport";
import type { ProcessedFilter, ProcessedRecord, SandboxApi } from "./types";

/** Everything the sandbox remembers between requests, in memory: a restart is a fresh Skatteetaten. */
export function createSandboxState() {
  const forsendelser: Record<SandboxApi, Map<string, unknown>> = { oar: new Map(), amelding: new Map() };
  // OAR: "<oppdragsgiver id>|<oppdragsreferanse>" of every accepted oppdrag, for the NY/ENDRING rule.
  const oppdrag = new Set<string>();
  // A-melding: accepted meldingsIds per opplysningspliktig orgnr.
  const meldingsIds = new Map<string, Set<string>>();
  // A-melding file uploads by id.
  const opplastinger = new Map<string, Opplasting>();
  let records: ProcessedRecord[] = [];
  let requests = 0;
  // Differences injected into reconciliation reports (/__control/reconciliation).
  let adjustments: ReconciliationAdjustment[] = [];

  return {
    countRequest() {
      requests += 1;
    },
    requestCount: () => requests,

    storeForsendelse(api: SandboxApi, forsendelseId: string, document: unknown) {
      forsendelser[api].set(forsendelseId, document);
    },
    findForsendelse: (api: SandboxApi, forsendelseId: string) => forsendelser[api].get(forsendelseId),
    /** Every A-melding accepted for the opplysningspliktig, in order of receipt (the reconciliation report's source). */
    acceptedAmeldinger: (orgnr: string): unknown[] =>
      [...forsendelser.amelding.values()].filter(
        (f) => (f as { opplysningspliktig?: unknown }).opplysningspliktig === orgnr,
      ),

    reconciliationAdjustments: (): readonly ReconciliationAdjustment[] => adjustments,
    setReconciliationAdjustments(list: ReconciliationAdjustment[]) {
      adjustments = [...list];
    },

    oppdragExists: (oppdragsgiverId: string, referanse: string) => oppdrag.has(`${oppdragsgiverId}|${referanse}`),
    registerOppdrag(oppdragsgiverId: string, referanse: string) {
      oppdrag.add(`${oppdragsgiverId}|${referanse}`);
    },

    acceptedMeldingsIds: (orgnr: string): ReadonlySet<string> => meldingsIds.get(orgnr) ?? new Set(),
    acceptMeldingsId(orgnr: string, meldingsId: string) {
      const set = meldingsIds.get(orgnr) ?? new Set<string>();
      set.add(meldingsId);
      meldingsIds.set(orgnr, set);
    },

    storeOpplasting(opplasting: Opplasting) {
      opplastinger.set(opplasting.id, opplasting);
    },
    findOpplasting: (id: string) => opplastinger.get(id),
    deleteOpplasting(id: string) {
      opplastinger.delete(id);
    },

    recordProcessed(record: ProcessedRecord) {
      records.push(record);
    },
    processed: () => records.map((r) => ({ ...r })),
    /** Each processed submission with the body it was received with (kept on its forsendelse). */
    received: (api?: SandboxApi) =>
      records
        .filter((r) => api === undefined || r.api === api)
        .map((r) => ({
          ...r,
          body: (forsendelser[r.api].get(r.forsendelseId) as { innsending?: unknown } | undefined)?.innsending,
        })),
    processedCount(filter: ProcessedFilter = {}) {
      return records.filter(
        (r) =>
          (filter.api === undefined || r.api === filter.api) &&
          (filter.idempotencyKey === undefined || r.idempotencyKey === filter.idempotencyKey) &&
          (filter.orgnr === undefined || r.orgnr === filter.orgnr),
      ).length;
    },

    reset() {
      forsendelser.oar.clear();
      forsendelser.amelding.clear();
      oppdrag.clear();
      meldingsIds.clear();
      opplastinger.clear();
      records = [];
      requests = 0;
      adjustments = [];
    },
  };
}

export type SandboxState = ReturnType<typeof createSandboxState>;

import "server-only";
import type { SandboxApi, SandboxFault, UploadEndpoint } from "./types";

/** Faults on demand; each one answers `count` matching requests (default 1) and is then gone. */
export function createFaultStore() {
  let faults: { fault: SandboxFault; remaining: number }[] = [];
  return {
    set(list: SandboxFault[]) {
      faults = list.map((fault) => ({ fault, remaining: fault.count ?? 1 }));
    },
    clear() {
      faults = [];
    },
    /**
     * The first fault matching this request, consumed once. An orgnr filter never matches a
     * request without one, an endpoint filter never a request to another endpoint.
     */
    take(api: SandboxApi, orgnr: string | undefined, endpoint?: UploadEndpoint): SandboxFault | undefined {
      const entry = faults.find(
        (f) =>
          f.remaining > 0 &&
          (f.fault.api === undefined || f.fault.api === api) &&
          (f.fault.orgnr === undefined || f.fault.orgnr === orgnr) &&
          (f.fault.endpoint === undefined || f.fault.endpoint === endpoint),
      );
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) faults = faults.filter((f) => f !== entry);
      return entry.fault;
    },
    list: () => faults.map((f) => ({ ...f.fault, count: f.remaining })),
  };
}

export type FaultStore = ReturnType<typeof createFaultStore>;

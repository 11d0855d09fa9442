import "server-only";
import type { SandboxSystemUserRegistry } from "../../maskinporten/system-user-registry";
import type { AltinnRouteHandler } from "../server";
import { handleConfirmPage } from "./confirm-page";
import { handleControl } from "./control";
import { SystemUserRequestStore } from "./request-store";
import type { SandboxSystem } from "./system-register";
import { handleVendorApi } from "./vendor-api";
import type { MaskinportenKeys } from "./vendor-token";

export type SystemUserRequestsOptions = {
  maskinporten: MaskinportenKeys;
  /** Shared with the sandbox Maskinporten: accepting a request adds the system user here. */
  registry: SandboxSystemUserRegistry;
  systems: SandboxSystem[];
  /** Keeps requests across restarts (the start script uses DATA_DIR). */
  stateFile?: string;
  /** Clock in epoch milliseconds, for the 10-day timeout in tests. */
  now?: () => number;
};

/** Altinn's system-user request flow: the vendor API, the customer's confirm page, and a control endpoint. */
export function systemUserRequestsHandler(options: SystemUserRequestsOptions): AltinnRouteHandler {
  const store = new SystemUserRequestStore({
    registry: options.registry,
    now: options.now,
    stateFile: options.stateFile,
  });
  const deps = {
    store,
    systems: options.systems,
    maskinporten: options.maskinporten,
    hasSystemUser: (systemId: string, orgnr: string) => options.registry.has(systemId, orgnr),
  };
  return (request) => {
    // The confirmUrl points back at whichever address the caller used to reach the sandbox.
    const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
    return handleControl(request, store) ?? handleConfirmPage(request, store) ?? handleVendorApi(request, origin, deps);
  };
}

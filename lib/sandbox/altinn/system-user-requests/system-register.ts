import "server-only";
import { type AltinnRight, REPORTING_RIGHTS } from "@/lib/altinn/system-user-request-wire";
import type { SandboxClient } from "../../maskinporten/sandbox-client";

/** A system in Altinn's system register, as far as the request API cares. */
export type SandboxSystem = {
  systemId: string;
  /** The vendor owning the system: only its Maskinporten tokens may request system users for it. */
  vendorOrgnr: string;
  /** The rights a request may ask for. */
  rights: AltinnRight[];
  allowedRedirectUrls: string[];
};

/**
 * The systems the sandbox's clients are registered on, each owned by the client's organisation
 * and offering the two reporting resources (the seeds' "Rights").
 */
export function sandboxSystemsFromClients(
  clients: Pick<SandboxClient, "consumerOrgnr" | "systems" | "systemUsers">[],
): SandboxSystem[] {
  const systems = new Map<string, SandboxSystem>();
  for (const client of clients) {
    for (const systemId of [...client.systems, ...client.systemUsers.map((u) => u.systemId)]) {
      if (!systems.has(systemId)) {
        systems.set(systemId, {
          systemId,
          vendorOrgnr: client.consumerOrgnr,
          rights: REPORTING_RIGHTS,
          allowedRedirectUrls: [],
        });
      }
    }
  }
  return [...systems.values()];
}

export function rightKey(right: AltinnRight): string {
  return right.resource
    .map((a) => `${a.id}=${a.value}`)
    .sort()
    .join("&");
}

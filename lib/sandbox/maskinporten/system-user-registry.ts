import type { SandboxSystemUser } from "./sandbox-client";

/**
 * The system users that exist beyond those written into the clients' configuration: the ones
 * customers approved through the sandbox Altinn. Like Altinn, a system user belongs to a system
 * and an organisation; a Maskinporten client may use it when the client is registered on that
 * system. The sandbox Maskinporten and the sandbox Altinn share one registry.
 */
export class SandboxSystemUserRegistry {
  readonly #clientsBySystem = new Map<string, Set<string>>();
  readonly #usersBySystem = new Map<string, Map<string, SandboxSystemUser>>();
  /** "system orgnr" of the users written into client configurations: they exist, but stay the client's own. */
  readonly #configured = new Set<string>();
  /** "system orgnr" of system users the organisation deleted in Altinn: configured ones stop working too. */
  readonly #revoked = new Set<string>();

  /** Registers a client on a system (Altinn's system register lists the system's client ids). */
  linkClient(systemId: string, clientId: string): void {
    let clients = this.#clientsBySystem.get(systemId);
    if (!clients) {
      clients = new Set();
      this.#clientsBySystem.set(systemId, clients);
    }
    clients.add(clientId);
  }

  /** Notes a system user from a client's configuration, so Altinn knows the organisation already has one. */
  noteConfigured(user: SandboxSystemUser): void {
    this.#configured.add(`${user.systemId} ${user.orgnr}`);
  }

  /** Adds an approved system user; one per system and organisation, so an earlier one is kept. */
  add(user: SandboxSystemUser): void {
    let users = this.#usersBySystem.get(user.systemId);
    if (!users) {
      users = new Map();
      this.#usersBySystem.set(user.systemId, users);
    }
    if (!users.has(user.orgnr)) users.set(user.orgnr, user);
    this.#revoked.delete(`${user.systemId} ${user.orgnr}`);
  }

  /**
   * The organisation deletes its system users in Altinn (every system's): Maskinporten then
   * refuses grants for it as for an organisation that never had one (MP-303). Returns how many
   * system users were deleted.
   */
  revoke(orgnr: string): number {
    let count = 0;
    for (const key of this.#configured) {
      if (key.endsWith(` ${orgnr}`) && !this.#revoked.has(key)) {
        this.#revoked.add(key);
        count++;
      }
    }
    for (const [systemId, users] of this.#usersBySystem) {
      if (users.delete(orgnr)) {
        this.#revoked.add(`${systemId} ${orgnr}`);
        count++;
      }
    }
    return count;
  }

  /** Whether the organisation deleted its system user for the system. */
  isRevoked(systemId: string, orgnr: string): boolean {
    return this.#revoked.has(`${systemId} ${orgnr}`);
  }

  /** Whether the organisation has a system user for the system, configured or approved. */
  has(systemId: string, orgnr: string): boolean {
    const key = `${systemId} ${orgnr}`;
    return (
      (this.#configured.has(key) && !this.#revoked.has(key)) || (this.#usersBySystem.get(systemId)?.has(orgnr) ?? false)
    );
  }

  /** The approved system user `orgnr` for any system this client is registered on. */
  find(clientId: string, orgnr: string): SandboxSystemUser | undefined {
    for (const [systemId, clients] of this.#clientsBySystem) {
      if (!clients.has(clientId)) continue;
      const user = this.#usersBySystem.get(systemId)?.get(orgnr);
      if (user) return user;
    }
    return undefined;
  }
}

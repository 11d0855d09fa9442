import "server-only";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { ALTINN_REQUEST_STATUSES, altinnRightSchema } from "@/lib/altinn/system-user-request-wire";
import type { SandboxSystemUserRegistry } from "../../maskinporten/system-user-registry";

/** Altinn lets a customer answer a request for 10 days (docs/domain.md, "System user"). */
export const REQUEST_LIFETIME_MS = 10 * 24 * 60 * 60 * 1000;

const storedRequestSchema = z.object({
  id: z.uuid(),
  externalRef: z.string(),
  systemId: z.string(),
  partyOrgNo: z.string(),
  rights: z.array(altinnRightSchema),
  redirectUrl: z.string(),
  vendorOrgnr: z.string(),
  status: z.enum(ALTINN_REQUEST_STATUSES),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  systemUserId: z.uuid().nullable(),
});
export type StoredSystemUserRequest = z.infer<typeof storedRequestSchema>;

export type NewSystemUserRequest = Pick<
  StoredSystemUserRequest,
  "externalRef" | "systemId" | "partyOrgNo" | "rights" | "redirectUrl" | "vendorOrgnr"
>;

export type Decision = "accept" | "reject";
export type DecideResult =
  | { ok: true; request: StoredSystemUserRequest }
  | { ok: false; reason: "not_found" | "not_new"; request?: StoredSystemUserRequest };

/**
 * The sandbox Altinn's system-user requests. Accepting one creates the system user in the
 * registry the sandbox Maskinporten reads, so tokens for that organisation work from then on.
 * With a state file, requests (and so the approved system users) survive a restart, as the
 * app's database remembers them too.
 */
export class SystemUserRequestStore {
  readonly #requests = new Map<string, StoredSystemUserRequest>();
  readonly #now: () => number;
  readonly #registry: SandboxSystemUserRegistry;
  readonly #stateFile: string | undefined;

  constructor(options: { registry: SandboxSystemUserRegistry; now?: () => number; stateFile?: string }) {
    this.#registry = options.registry;
    this.#now = options.now ?? Date.now;
    this.#stateFile = options.stateFile;
    if (this.#stateFile && existsSync(this.#stateFile)) this.#load(this.#stateFile);
  }

  create(input: NewSystemUserRequest): StoredSystemUserRequest {
    const request: StoredSystemUserRequest = {
      ...input,
      id: randomUUID(),
      status: "New",
      createdAt: new Date(this.#now()).toISOString(),
      decidedAt: null,
      systemUserId: null,
    };
    this.#requests.set(request.id, request);
    this.#save();
    return request;
  }

  get(id: string): StoredSystemUserRequest | undefined {
    const request = this.#requests.get(id);
    return request && this.#expire(request);
  }

  /** The request for these external ids that still counts; a timed-out one does not block a new request. */
  findActive(systemId: string, partyOrgNo: string, externalRef: string): StoredSystemUserRequest | undefined {
    return this.list().find(
      (r) =>
        r.systemId === systemId &&
        r.partyOrgNo === partyOrgNo &&
        r.externalRef === externalRef &&
        r.status !== "Timedout",
    );
  }

  list(): StoredSystemUserRequest[] {
    return [...this.#requests.values()].map((r) => this.#expire(r));
  }

  /** The customer's answer, as the confirm page or the control endpoint gives it. */
  decide(id: string, decision: Decision): DecideResult {
    const request = this.get(id);
    if (!request) return { ok: false, reason: "not_found" };
    if (request.status !== "New") return { ok: false, reason: "not_new", request };
    const decided: StoredSystemUserRequest = {
      ...request,
      status: decision === "accept" ? "Accepted" : "Rejected",
      decidedAt: new Date(this.#now()).toISOString(),
      systemUserId: decision === "accept" ? randomUUID() : null,
    };
    this.#requests.set(id, decided);
    if (decided.systemUserId) this.#createSystemUser(decided);
    this.#save();
    return { ok: true, request: decided };
  }

  delete(id: string): boolean {
    const deleted = this.#requests.delete(id);
    if (deleted) this.#save();
    return deleted;
  }

  /**
   * The customer deletes its system user in Altinn (not an API of the vendor's: the sandbox's
   * control endpoint stands in for the customer). The accepted request goes with it, so a new
   * request can be made.
   */
  revokeSystemUser(partyOrgNo: string): number {
    for (const request of this.list())
      if (request.partyOrgNo === partyOrgNo && request.status === "Accepted") this.#requests.delete(request.id);
    this.#save();
    return this.#registry.revoke(partyOrgNo);
  }

  #createSystemUser(request: StoredSystemUserRequest) {
    this.#registry.add({ orgnr: request.partyOrgNo, systemId: request.systemId, systemUserId: request.systemUserId! });
  }

  #expire(request: StoredSystemUserRequest): StoredSystemUserRequest {
    const deadline = Date.parse(request.createdAt) + REQUEST_LIFETIME_MS;
    if (request.status !== "New" || this.#now() < deadline) return request;
    const expired: StoredSystemUserRequest = {
      ...request,
      status: "Timedout",
      decidedAt: new Date(deadline).toISOString(),
    };
    this.#requests.set(request.id, expired);
    this.#save();
    return expired;
  }

  #load(file: string) {
    const parsed = z
      .object({ requests: z.array(storedRequestSchema) })
      .safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success)
      throw new Error(
        `The sandbox Altinn state file ${file} is invalid; delete it to start afresh.\n${z.prettifyError(parsed.error)}`,
      );
    for (const request of parsed.data.requests) {
      this.#requests.set(request.id, request);
      if (request.status === "Accepted" && request.systemUserId) this.#createSystemUser(request);
    }
  }

  #save() {
    if (!this.#stateFile) return;
    // Written whole and renamed, so a crash never leaves half a file.
    const tmp = `${this.#stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ requests: [...this.#requests.values()] }, null, 2));
    renameSync(tmp, this.#stateFile);
  }
}

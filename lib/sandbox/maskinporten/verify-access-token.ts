import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { ORGNR_AUTHORITY, SYSTEM_USER_TYPE } from "./validate-grant";

export type AccessTokenSystemUser = { systemUserId: string; systemId: string; orgnr: string };

export type VerifiedAccessToken = {
  ok: true;
  claims: JWTPayload;
  clientId: string;
  scopes: string[];
  /** Orgnr of the `consumer` claim. */
  consumerOrgnr: string | undefined;
  systemUser: AccessTokenSystemUser | undefined;
};

export type AccessTokenFailureReason = "invalid_token" | "expired" | "missing_scope" | "missing_systemuser";
export type AccessTokenFailure = { ok: false; reason: AccessTokenFailureReason; message: string };

export type AccessTokenKeys = string | URL | JSONWebKeySet | JWTVerifyGetKey;

const remoteKeySets = new Map<string, JWTVerifyGetKey>();
const localKeySets = new WeakMap<JSONWebKeySet, JWTVerifyGetKey>();

function keyResolver(keys: AccessTokenKeys): JWTVerifyGetKey {
  if (typeof keys === "function") return keys;
  if (typeof keys === "string" || keys instanceof URL) {
    const url = String(keys);
    // One key set per URL, so its cache survives across requests.
    let set = remoteKeySets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url));
      remoteKeySets.set(url, set);
    }
    return set;
  }
  let local = localKeySets.get(keys);
  if (!local) {
    local = createLocalJWKSet(keys);
    localKeySets.set(keys, local);
  }
  return local;
}

function orgnrOf(value: unknown): string | undefined {
  const v = value as { authority?: unknown; ID?: unknown } | undefined;
  if (v?.authority !== ORGNR_AUTHORITY || typeof v.ID !== "string") return undefined;
  return v.ID.match(/^0192:(\d{9})$/)?.[1];
}

function systemUserOf(claims: JWTPayload): AccessTokenSystemUser | undefined {
  const details = Array.isArray(claims.authorization_details) ? claims.authorization_details : [];
  const d = details.find((x: { type?: unknown }) => x?.type === SYSTEM_USER_TYPE) as
    | Record<string, unknown>
    | undefined;
  const id = Array.isArray(d?.systemuser_id) ? d.systemuser_id[0] : undefined;
  const orgnr = orgnrOf(d?.systemuser_org);
  if (typeof id !== "string" || typeof d?.system_id !== "string" || !orgnr) return undefined;
  return { systemUserId: id, systemId: d.system_id, orgnr };
}

/** "Bearer abc" → "abc"; anything else → undefined. */
export function readBearerToken(authorization: string | null | undefined): string | undefined {
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1];
}

/**
 * How the sandbox APIs (Skatteetaten, Dialogporten) check a Maskinporten access token:
 * signature against the sandbox's /jwk, issuer, expiry, the scope they need, and — unless told
 * otherwise — a system user, since both real APIs require one.
 */
export async function verifySandboxAccessToken(
  token: string,
  keys: AccessTokenKeys,
  options: { issuer: string; requiredScope?: string; requireSystemUser?: boolean; now?: Date },
): Promise<VerifiedAccessToken | AccessTokenFailure> {
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, keyResolver(keys), {
      issuer: options.issuer,
      algorithms: ["RS256"],
      currentDate: options.now,
    }));
  } catch (e) {
    if (e instanceof errors.JWTExpired)
      return { ok: false, reason: "expired", message: "The access token has expired." };
    return { ok: false, reason: "invalid_token", message: `The access token is not valid: ${(e as Error).message}` };
  }
  const scopes = typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [];
  if (options.requiredScope && !scopes.includes(options.requiredScope)) {
    return {
      ok: false,
      reason: "missing_scope",
      message: `The access token lacks the scope ${options.requiredScope}.`,
    };
  }
  const systemUser = systemUserOf(claims);
  if ((options.requireSystemUser ?? true) && !systemUser) {
    return { ok: false, reason: "missing_systemuser", message: "The access token is not for a system user." };
  }
  return {
    ok: true,
    claims,
    clientId: typeof claims.client_id === "string" ? claims.client_id : "",
    scopes,
    consumerOrgnr: orgnrOf(claims.consumer),
    systemUser,
  };
}

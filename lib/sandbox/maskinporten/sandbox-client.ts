import { z } from "zod";

const orgnr = z.string().regex(/^\d{9}$/, "must be a 9-digit organisation number");

/** A public RSA key registered on a client. `exp` (epoch seconds) models Maskinporten's one-year key life. */
export const sandboxJwkSchema = z.looseObject({
  kty: z.literal("RSA"),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  exp: z.number().optional(),
});

export const sandboxSystemUserSchema = z.object({
  /** The organisation that owns (approved) the system user. */
  orgnr,
  systemUserId: z.uuid(),
  systemId: z.string().min(1),
});

export const sandboxClientSchema = z.object({
  clientId: z.string().min(1),
  /** One JWK, an array, or a JWKS `{ keys: [...] }`. */
  jwks: z.preprocess(
    (v) =>
      Array.isArray(v) ? v : v && typeof v === "object" && "keys" in v ? (v as { keys: unknown }).keys : v ? [v] : [],
    z.array(sandboxJwkSchema),
  ),
  /** PEM certificates trusted for x5c grants: a leaf itself, or a CA that issued the leaf. */
  trustedCertificates: z.array(z.string().includes("BEGIN CERTIFICATE")).default([]),
  allowedScopes: z.array(z.string().min(1)),
  systemUsers: z.array(sandboxSystemUserSchema).default([]),
  /** Altinn systems the client is registered on; system users customers approve for them work with it. */
  systems: z.array(z.string().min(1)).default([]),
  /** The organisation owning the client (the vendor); the token's `consumer`. */
  consumerOrgnr: orgnr,
});

export type SandboxJwk = z.infer<typeof sandboxJwkSchema>;
export type SandboxSystemUser = z.infer<typeof sandboxSystemUserSchema>;
export type SandboxClient = z.infer<typeof sandboxClientSchema>;
/** What callers may pass: defaults filled in, a single JWK allowed. */
export type SandboxClientInput = z.input<typeof sandboxClientSchema>;

export function parseSandboxClient(input: unknown): SandboxClient {
  return sandboxClientSchema.parse(input);
}

import "server-only";
import { z } from "zod";
import { type SandboxFault, UPLOAD_ENDPOINTS } from "./types";

/** JSON has no Infinity, so a persistent fault is sent as count "Infinity" (or null) over the control endpoint. */
const count = z
  .union([z.number().int().positive(), z.literal("Infinity"), z.null()])
  .optional()
  .transform((v) => (v === "Infinity" || v === null ? Infinity : v));

const faultSchema = z
  .object({
    api: z.enum(["oar", "amelding"]).optional(),
    orgnr: z.string().min(1).optional(),
    endpoint: z.enum(UPLOAD_ENDPOINTS).optional(),
    kind: z.enum(["status", "slow", "drop", "drop_after_processing", "rate_limit"]),
    status: z.number().int().min(100).max(599).optional(),
    code: z.string().min(1).optional(),
    delayMs: z.number().nonnegative().optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    spesifisering: z
      .array(
        z
          .object({
            kode: z.string().nullable().optional(),
            melding: z.string().optional(),
            sti: z.string().nullable().optional(),
            angittVerdi: z.string().nullable().optional(),
          })
          .strict(),
      )
      .optional(),
    count,
  })
  .strict();

export const faultListSchema = z.array(faultSchema);

export function parseFaultList(input: unknown): { ok: true; faults: SandboxFault[] } | { ok: false; message: string } {
  const parsed = faultListSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  return { ok: true, faults: parsed.data };
}

import { z } from "zod/mini";
import { checkInput, type InputLimits } from "@/lib/input/guard";

/**
 * Limits of an A-melding draft: no text in the model is longer than 255 characters (kildesystem),
 * and no key longer than its longest element name; depth and count as an action's input.
 */
export const LEVERANSE_DRAFT_LIMITS: InputLimits = {
  maxDepth: 12,
  maxNodes: 100_000,
  maxKeyLength: 64,
  maxStringLength: 255,
};

/** The leveranse's own top-level elements; a draft holds nothing else. */
const TOP_LEVEL = new Set([
  "kalendermaaned",
  "kildesystem",
  "meldingsId",
  "erstatterMeldingsId",
  "leveringstidspunkt",
  "opplysningspliktig",
  "oppgave",
  "spraakForTilbakemelding",
]);

/**
 * An A-melding draft from the builder: whatever is filled in, as typed. Nothing is checked for
 * completeness, format or codes (the full schema in leveranse-schema.ts does that when it is
 * sent), but what is kept is bounded and plain: an object of the leveranse's own elements, of
 * text, numbers, booleans, lists and objects only, within LEVERANSE_DRAFT_LIMITS, and no key that
 * reaches an object's prototype (lib/input/guard.ts).
 */
export const leveranseDraftSchema = z.pipe(
  z.unknown().check(
    z.superRefine((value, ctx) => {
      // The guard first, on the value as given (it reads own keys only); nothing is copied before.
      const refusal = checkInput(value, LEVERANSE_DRAFT_LIMITS);
      if (refusal) {
        ctx.addIssue({
          code: "custom",
          path: refusal.path,
          message: refusal.code === "textTooLong" ? "tooLong" : "structureInvalid",
        });
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        ctx.addIssue({ code: "custom", message: "structureInvalid" });
        return;
      }
      for (const key of Object.keys(value)) {
        if (!TOP_LEVEL.has(key)) ctx.addIssue({ code: "custom", path: [key], message: "structureInvalid" });
      }
    }),
  ),
  z.transform((value) => value as Record<string, unknown>),
);

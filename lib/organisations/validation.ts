import { z } from "zod/mini";
import { isValidOrgnr, normaliseOrgnr } from "@/lib/validation/orgnr";

export const orgnrSchema = z.pipe(
  z.pipe(z.string(), z.transform(normaliseOrgnr)),
  z
    .string()
    .check(z.regex(/^\d{9}$/, { message: "orgnrFormat" }), z.refine(isValidOrgnr, { message: "orgnrChecksum" })),
);

export const createOrganisationSchema = z.object({
  orgnr: orgnrSchema,
  name: z.string().check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(200, { message: "tooLong" })),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

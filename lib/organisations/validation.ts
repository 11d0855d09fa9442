import { z } from "zod";
import { isValidOrgnr, normaliseOrgnr } from "@/lib/validation/orgnr";

export const orgnrSchema = z
  .string()
  .transform(normaliseOrgnr)
  .pipe(
    z
      .string()
      .regex(/^\d{9}$/, { message: "orgnrFormat" })
      .refine(isValidOrgnr, { message: "orgnrChecksum" }),
  );

export const createOrganisationSchema = z.object({
  orgnr: orgnrSchema,
  name: z.string().trim().min(1, { message: "required" }).max(200, { message: "tooLong" }),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

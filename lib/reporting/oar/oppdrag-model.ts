import type { OppdragFormValues } from "@/lib/oppdrag/oppdrag-form-schema";

/**
 * Our model of an OAR report (the legal content of the former RF-1199; docs/skatteetaten-contract.md,
 * "OAR"): the validated form values plus our stable reference, which a later change of the
 * same oppdrag keeps.
 */
export type Oppdrag = Omit<
  OppdragFormValues,
  "hovedoppdragsgiverErAnnen" | "hovedoppdragsgiver" | "oppdragsgiverAvvikBekreftet"
> & {
  hovedoppdragsgiver?: OppdragFormValues["hovedoppdragsgiver"];
  oppdragsreferanse: string;
};
export type OppdragParty = Oppdrag["oppdragsgiver"] | Oppdrag["oppdragstaker"];

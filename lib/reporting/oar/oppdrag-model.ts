import type { OppdragFormValues } from "@/lib/oppdrag/oppdrag-form-schema";

/**
 * Our model of an OAR report (DOMAIN.md §1.1: the legal content of the former RF-1199): the
 * validated form values plus our stable reference, which a later change of the same oppdrag keeps.
 */
export type Oppdrag = Omit<OppdragFormValues, "hovedoppdragsgiverErAnnen" | "hovedoppdragsgiver"> & {
  hovedoppdragsgiver?: OppdragFormValues["hovedoppdragsgiver"];
  oppdragsreferanse: string;
};
export type OppdragParty = Oppdrag["oppdragsgiver"] | Oppdrag["oppdragstaker"];

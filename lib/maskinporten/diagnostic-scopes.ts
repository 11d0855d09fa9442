/** The scopes this product asks Maskinporten for, shown on the diagnostics page. */
export const DIAGNOSTIC_SCOPES = [
  "skatteetaten:innrapporteringoppdragtilutenlandske",
  "skatteetaten:innrapporteringamelding",
  "digdir:dialogporten",
] as const;

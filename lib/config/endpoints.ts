import { SANDBOX_DEFAULTS } from "./sandbox-defaults";
import type { AppMode } from "./schema";

export type Endpoints = {
  maskinportenIssuer: string;
  oarApiUrl: string;
  ameldingApiUrl: string;
  /** The file-upload API for A-meldinger over 10 MB. */
  ameldingFilopplastingApiUrl: string;
  ameldingTilbakemeldingApiUrl: string;
  /** The reconciliation report API (avstemmingsrapport, docs/reconciliation.md). */
  avstemmingsrapportApiUrl: string;
  altinnPlatformUrl: string;
};

type EndpointOverrides = {
  MASKINPORTEN_ISSUER?: string;
  OAR_API_URL?: string;
  AMELDING_API_URL?: string;
  AMELDING_FILOPPLASTING_API_URL?: string;
  AMELDING_TILBAKEMELDING_API_URL?: string;
  AVSTEMMINGSRAPPORT_API_URL?: string;
  ALTINN_PLATFORM_URL?: string;
  SANDBOX_HOST?: string;
  SANDBOX_MASKINPORTEN_PORT?: number | string;
  SANDBOX_SKATTEETATEN_PORT?: number | string;
  SANDBOX_ALTINN_PORT?: number | string;
};

/**
 * The hosts follow the published `<api>.api.skatteetaten-test.no/v<n>` naming (docs/om/url.md).
 * Only the A-melding host is confirmed (third-party clients); the OAR, file-upload and feedback
 * hosts are published only on SwaggerHub and are our guesses, to check before going live
 * (docs/skatteetaten-contract.md, "Hosts and paths"). Each can be overridden by its variable.
 */
const published: Record<Exclude<AppMode, "sandbox">, Endpoints> = {
  test: {
    maskinportenIssuer: "https://test.maskinporten.no/",
    oarApiUrl: "https://innrapporteringoppdragtilutenlandske.api.skatteetaten-test.no/v1",
    ameldingApiUrl: "https://innrapporteringamelding.api.skatteetaten-test.no/v1",
    ameldingFilopplastingApiUrl: "https://innrapporteringameldingfilopplasting.api.skatteetaten-test.no/v1",
    ameldingTilbakemeldingApiUrl: "https://amelding-tilbakemelding.api.skatteetaten-test.no/v1",
    avstemmingsrapportApiUrl: "https://avstemmingsrapportamelding.api.skatteetaten-test.no/v1",
    altinnPlatformUrl: "https://platform.tt02.altinn.no",
  },
  production: {
    maskinportenIssuer: "https://maskinporten.no/",
    oarApiUrl: "https://innrapporteringoppdragtilutenlandske.api.skatteetaten.no/v1",
    ameldingApiUrl: "https://innrapporteringamelding.api.skatteetaten.no/v1",
    ameldingFilopplastingApiUrl: "https://innrapporteringameldingfilopplasting.api.skatteetaten.no/v1",
    ameldingTilbakemeldingApiUrl: "https://amelding-tilbakemelding.api.skatteetaten.no/v1",
    avstemmingsrapportApiUrl: "https://avstemmingsrapportamelding.api.skatteetaten.no/v1",
    altinnPlatformUrl: "https://platform.altinn.no",
  },
};

function sandboxEndpoints(o: EndpointOverrides): Endpoints {
  const host = o.SANDBOX_HOST ?? SANDBOX_DEFAULTS.host;
  const mp = o.SANDBOX_MASKINPORTEN_PORT ?? SANDBOX_DEFAULTS.maskinportenPort;
  const ske = o.SANDBOX_SKATTEETATEN_PORT ?? SANDBOX_DEFAULTS.skatteetatenPort;
  const altinn = o.SANDBOX_ALTINN_PORT ?? SANDBOX_DEFAULTS.altinnPort;
  return {
    maskinportenIssuer: `http://${host}:${mp}/`,
    oarApiUrl: `http://${host}:${ske}/oar/v1`,
    ameldingApiUrl: `http://${host}:${ske}/amelding/v1`,
    ameldingFilopplastingApiUrl: `http://${host}:${ske}/amelding-filopplasting/v1`,
    ameldingTilbakemeldingApiUrl: `http://${host}:${ske}/amelding-tilbakemelding/v1`,
    avstemmingsrapportApiUrl: `http://${host}:${ske}/avstemmingsrapport-amelding/v1`,
    altinnPlatformUrl: `http://${host}:${altinn}`,
  };
}

/** Default endpoints for the mode, each replaceable by its own variable. */
export function resolveEndpoints(mode: AppMode, overrides: EndpointOverrides = {}): Endpoints {
  const defaults = mode === "sandbox" ? sandboxEndpoints(overrides) : published[mode];
  return {
    maskinportenIssuer: overrides.MASKINPORTEN_ISSUER ?? defaults.maskinportenIssuer,
    oarApiUrl: overrides.OAR_API_URL ?? defaults.oarApiUrl,
    ameldingApiUrl: overrides.AMELDING_API_URL ?? defaults.ameldingApiUrl,
    ameldingFilopplastingApiUrl: overrides.AMELDING_FILOPPLASTING_API_URL ?? defaults.ameldingFilopplastingApiUrl,
    ameldingTilbakemeldingApiUrl: overrides.AMELDING_TILBAKEMELDING_API_URL ?? defaults.ameldingTilbakemeldingApiUrl,
    avstemmingsrapportApiUrl: overrides.AVSTEMMINGSRAPPORT_API_URL ?? defaults.avstemmingsrapportApiUrl,
    altinnPlatformUrl: overrides.ALTINN_PLATFORM_URL ?? defaults.altinnPlatformUrl,
  };
}

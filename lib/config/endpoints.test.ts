import { describe, expect, it } from "vitest";
import { resolveEndpoints } from "./endpoints";

describe("resolveEndpoints", () => {
  it("points sandbox mode at the local sandbox ports", () => {
    const e = resolveEndpoints("sandbox", { SANDBOX_MASKINPORTEN_PORT: 5001 });
    expect(e.maskinportenIssuer).toBe("http://127.0.0.1:5001/");
    expect(e.ameldingApiUrl).toMatch(/^http:\/\/127\.0\.0\.1:4102\//);
  });

  it("uses Skatteetaten's test environment and test.maskinporten.no in test mode", () => {
    const e = resolveEndpoints("test");
    expect(e.maskinportenIssuer).toBe("https://test.maskinporten.no/");
    expect(e.ameldingApiUrl).toBe("https://innrapporteringamelding.api.skatteetaten-test.no/v1");
    expect(e.altinnPlatformUrl).toBe("https://platform.tt02.altinn.no");
  });

  it("uses production hosts in production mode", () => {
    const e = resolveEndpoints("production");
    expect(e.maskinportenIssuer).toBe("https://maskinporten.no/");
    expect(e.ameldingApiUrl).toBe("https://innrapporteringamelding.api.skatteetaten.no/v1");
  });

  it("lets each endpoint be overridden by its own variable", () => {
    const e = resolveEndpoints("production", { OAR_API_URL: "https://oar.example.test/v2" });
    expect(e.oarApiUrl).toBe("https://oar.example.test/v2");
    expect(e.maskinportenIssuer).toBe("https://maskinporten.no/");
  });
});

import { XMLBuilder } from "fast-xml-parser";

function prefixed(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => prefixed(v, prefix));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [`${prefix}:${k}`, prefixed(v, prefix)]));
  }
  return value;
}

/**
 * A leveranse (the JSON's `leveranse` value) as an A-melding XSD v2.x XML file, written the way
 * older payroll systems do it (root `melding`, prefixed namespace), for import tests.
 */
export function leveranseToXml(leveranse: object, version = "v2_3"): string {
  const body = new XMLBuilder({ format: true, ignoreAttributes: false, attributeNamePrefix: "@_" }).build({
    "ns2:melding": {
      "@_xmlns:ns2": `urn:ske:fastsetting:innsamling:a-meldingen:${version}`,
      "ns2:Leveranse": prefixed(leveranse, "ns2"),
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

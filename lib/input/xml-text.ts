import type { TextRefusal } from "./json-text";

export type XmlTextLimits = {
  maxDepth: number;
  maxElements: number;
  maxAttributesPerElement: number;
  maxAttributes: number;
};

/**
 * One pass over XML text before an XML parser sees it, so the parser never builds what we would
 * refuse anyway (a 17.5 MB file with 1.5 million attributes took 3 GB in fast-xml-parser):
 * - a DOCTYPE or any other `<!…>` declaration: entities are how XML bombs expand, and an
 *   A-melding needs none;
 * - nesting deeper than `maxDepth`, more than `maxElements` elements, more than
 *   `maxAttributesPerElement` attributes on one element or `maxAttributes` in all;
 * - U+0000, raw or as a character reference (`&#0;`, `&#x0;`), which XML 1.0 forbids and
 *   PostgreSQL cannot store.
 * Comments, CDATA sections and processing instructions are skipped. Returns the first refusal
 * with its offset, or null; what is merely malformed is left to the XML validator.
 */
export function scanXmlText(text: string, limits: XmlTextLimits): TextRefusal | null {
  const nul = text.indexOf("\u0000");
  if (nul !== -1) return { code: "nulCharacter", offset: nul };
  const nulReference = /&#(?:0+|x0+);/i.exec(text);
  if (nulReference) return { code: "nulCharacter", offset: nulReference.index };

  let depth = 0;
  let elements = 0;
  let attributes = 0;
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i)) {
    if (text.startsWith("<!--", i)) {
      i = skipPast(text, "-->", i + 4);
      if (i === -1) break;
      continue;
    }
    if (text.startsWith("<![CDATA[", i)) {
      i = skipPast(text, "]]>", i + 9);
      if (i === -1) break;
      continue;
    }
    if (text.startsWith("<?", i)) {
      i = skipPast(text, "?>", i + 2);
      if (i === -1) break;
      continue;
    }
    if (text.startsWith("<!", i)) return { code: "doctype", offset: i };
    if (text.startsWith("</", i)) {
      depth--;
      i = skipPast(text, ">", i + 2);
      if (i === -1) break;
      continue;
    }
    // A start tag: count its attributes (each has one "=" outside quoted values).
    const start = i;
    if (++elements > limits.maxElements) return { code: "tooManyNodes", offset: start, limit: limits.maxElements };
    let own = 0;
    let quote = 0;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3d) {
        if (++own > limits.maxAttributesPerElement)
          return { code: "tooManyAttributes", offset: start, limit: limits.maxAttributesPerElement };
        if (++attributes > limits.maxAttributes)
          return { code: "tooManyAttributes", offset: start, limit: limits.maxAttributes };
      } else if (c === 0x3e) break;
    }
    if (text.charCodeAt(j - 1) !== 0x2f && ++depth > limits.maxDepth)
      return { code: "tooDeep", offset: start, limit: limits.maxDepth };
    i = j + 1;
  }
  return null;
}

function skipPast(text: string, marker: string, from: number) {
  const at = text.indexOf(marker, from);
  return at === -1 ? -1 : at + marker.length;
}

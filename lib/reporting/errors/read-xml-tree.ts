/**
 * A small, tolerant XML reader for error bodies (no XML library is installed, and error bodies
 * are tiny). It turns markup into plain values so the JSON decoding logic can read both:
 *
 *   <feil><kode>OAR_005</kode><spesifisering><kode>A</kode></spesifisering>
 *         <spesifisering><kode>B</kode></spesifisering></feil>
 *   → { feil: { kode: "OAR_005", spesifisering: [{ kode: "A" }, { kode: "B" }] } }
 *
 * - Namespace prefixes are dropped (`ns2:kode` → `kode`); attributes become fields.
 * - An element with only text becomes its (entity-decoded) text; repeated siblings an array.
 * - Comments, processing instructions and DOCTYPE are skipped; CDATA is kept verbatim.
 * - Broken markup never throws: unmatched closing tags are ignored, unclosed ones closed at the end.
 *
 * Returns null when the text holds no element at all.
 */

export type XmlValue = string | XmlObject | XmlValue[];
export type XmlObject = { [name: string]: XmlValue };

type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>|<\/\s*([^\s>]+)\s*>|<\s*([A-Za-z_][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;

const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return fromCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return fromCodePoint(parseInt(ref.slice(1), 10), whole);
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function fromCodePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

function localName(name: string): string {
  const i = name.lastIndexOf(":");
  return i >= 0 ? name.slice(i + 1) : name;
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const name = m[1];
    if (!name || name === "xmlns" || name.startsWith("xmlns:")) continue;
    attrs[localName(name)] = decodeXmlEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function parseNodes(xml: string): XmlNode[] {
  const root: XmlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const top = () => stack[stack.length - 1] ?? root;

  for (const m of xml.matchAll(TOKEN)) {
    const [token, cdata, closeName, openName, attrSource, selfClose] = m;
    if (cdata !== undefined) {
      top().text += cdata;
    } else if (closeName !== undefined) {
      const name = localName(closeName);
      const at = stack.map((n) => n.name).lastIndexOf(name);
      if (at > 0) stack.length = at; // pop it and anything left open inside it
    } else if (openName !== undefined) {
      const node: XmlNode = { name: localName(openName), attrs: parseAttrs(attrSource ?? ""), children: [], text: "" };
      top().children.push(node);
      if (!selfClose) stack.push(node);
    } else if (token.startsWith("<!") || token.startsWith("<?")) {
      // comment, DOCTYPE or processing instruction
    } else {
      top().text += decodeXmlEntities(token);
    }
  }
  return root.children;
}

function toValue(node: XmlNode): XmlValue {
  const attrNames = Object.keys(node.attrs);
  if (node.children.length === 0 && attrNames.length === 0) return node.text.trim();
  const obj: XmlObject = { ...node.attrs };
  if (node.children.length === 0 && node.text.trim() !== "") obj["#text"] = node.text.trim();
  for (const child of node.children) {
    const value = toValue(child);
    const existing = obj[child.name];
    if (existing === undefined) obj[child.name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else obj[child.name] = [existing, value];
  }
  return obj;
}

/** The document as `{ rootName: value }`, or null when there is no element. */
export function readXmlTree(xml: string): XmlObject | null {
  const nodes = parseNodes(xml);
  if (nodes.length === 0) return null;
  const out: XmlObject = {};
  for (const node of nodes) {
    const existing = out[node.name];
    const value = toValue(node);
    out[node.name] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

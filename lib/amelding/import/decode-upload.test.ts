import { describe, expect, it } from "vitest";
import { decodeUpload } from "./decode-upload";

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeUpload", () => {
  it("reads an ISO-8859-1 XML file by its declaration", () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><navn>Bjørn Åsmund Ærlig</navn>';
    expect(decodeUpload(latin1(xml), "text/xml")).toBe(xml);
  });

  it("reads UTF-8 by default, with or without a byte-order mark", () => {
    expect(decodeUpload(utf8('{"navn":"Bjørn"}'), "application/json")).toBe('{"navn":"Bjørn"}');
    expect(decodeUpload(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("<a>ø</a>")]), null)).toBe("<a>ø</a>");
  });

  it("trusts a charset the client states over the XML declaration (pasted text is sent as UTF-8)", () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><navn>Bjørn</navn>';
    expect(decodeUpload(utf8(xml), "text/plain;charset=UTF-8")).toBe(xml);
  });
});

import { describe, expect, it } from "vitest";
import { PAYLOAD_PART_CHARS, payloadParts } from "./prepare-import";

describe("payloadParts", () => {
  it("hands over the payload in parts that join to exactly the text, never splitting a surrogate pair", async () => {
    const json = `${"a".repeat(PAYLOAD_PART_CHARS - 1)}😀${"b".repeat(PAYLOAD_PART_CHARS)}`;
    const parts: string[] = [];
    for await (const part of payloadParts(json)) parts.push(part);
    expect(parts.join("")).toBe(json);
    expect(parts.length).toBe(3);
    expect(parts[0]!.length).toBe(PAYLOAD_PART_CHARS - 1);
    // No part ends in the first half of a pair (which would reach PostgreSQL as an invalid character).
    for (const part of parts) expect(part.charCodeAt(part.length - 1) & 0xfc00).not.toBe(0xd800);
  });
});

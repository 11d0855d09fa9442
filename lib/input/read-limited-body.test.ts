import { describe, expect, it } from "vitest";
import { readLimitedBody } from "./read-limited-body";

function streamed(chunks: number[]) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(65));
      controller.close();
    },
  });
  return new Request("http://localhost/upload", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readLimitedBody", () => {
  it("returns the whole body when it fits", async () => {
    const bytes = await readLimitedBody(streamed([3, 4]), 7);
    expect(bytes).toEqual(new Uint8Array(7).fill(65));
  });

  it("stops at the limit even without a Content-Length", async () => {
    expect(await readLimitedBody(streamed([4, 4]), 7)).toBeNull();
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "10" },
    });
    expect(await readLimitedBody(request, 9)).toBeNull();
  });
});

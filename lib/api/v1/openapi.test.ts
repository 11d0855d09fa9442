import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document of /api/v1", () => {
  it("is OpenAPI 3.1 with every route, the problem shape and the A-melding's schema from the builder", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      "/api/v1/organisations",
      "/api/v1/submissions",
      "/api/v1/submissions/validate",
      "/api/v1/submissions/{id}",
      "/api/v1/submissions/{id}/versions",
    ]);
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["Problem", "Leveranse", "Submission", "Attempt"]));
    const problem = schemas.Problem as { required: string[] };
    expect(problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "code"]));
    const post = doc.paths?.["/api/v1/submissions"]?.post;
    expect(post?.parameters).toEqual([
      expect.objectContaining({ in: "header", name: "Idempotency-Key", required: true }),
    ]);
  });
});

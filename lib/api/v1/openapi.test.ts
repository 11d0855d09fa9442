import { describe, expect, it } from "vitest";
import { repositoryFiles } from "@/lib/testing/repository-files";
import { openApiDocument } from "./openapi";

/** Every route under app/api/v1 but the document and its reference page, as OpenAPI spells paths. */
function apiRoutePaths() {
  return repositoryFiles("app/api/v1", /^route\.ts$/)
    .map((file) => `/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}"))
    .filter((p) => !["/api/v1/openapi.json", "/api/v1/reference"].includes(p))
    .sort();
}

describe("the OpenAPI document of /api/v1", () => {
  it("is OpenAPI 3.1 with every route under app/api/v1, the problem shape and the reports' schemas from the forms", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(apiRoutePaths());
    expect(apiRoutePaths()).toContain("/api/v1/submissions/{id}/feedback");
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(["Problem", "Leveranse", "OarReport", "Submission", "Attempt"]),
    );
    const problem = schemas.Problem as { required: string[] };
    expect(problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "code"]));
    const post = doc.paths?.["/api/v1/submissions"]?.post;
    expect(post?.parameters).toEqual([
      expect.objectContaining({ in: "header", name: "Idempotency-Key", required: true }),
    ]);
  });
});

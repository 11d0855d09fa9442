import { z } from "zod";
import { createDocument } from "zod-openapi";
import { problemSchema } from "@/lib/api/problem";
import {
  attemptListSchema,
  boardQueryDoc,
  boardSchema,
  correctedVersionDoc,
  createdSchema,
  createSubmissionDoc,
  listQueryDoc,
  organisationListSchema,
  submissionDetailSchema,
  submissionFeedbackSchema,
  submissionIdParams,
  submissionPageSchema,
  validationResultSchema,
} from "./schemas";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      { description: "Problem details (RFC 9457)", content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  );
const idempotencyKey = z.string().min(1).max(255).meta({
  description:
    "Required on every POST. A replay with the same key and body returns the first answer (header Idempotent-Replayed: true); the same key with another body answers 409.",
});
const common = problems(401, 403, 429, 500);

/** The OpenAPI 3.1 document of /api/v1, generated from the schemas the handlers parse with. */
export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Innrapportering API",
      version: "1",
      description:
        "Send A-meldinger and OAR reports through Innrapportering and read their status, decoded errors and feedback. Authenticate with `Authorization: Bearer <API key>` (created by an admin under API-nøkler). Each key is limited per minute; every answer carries the RateLimit and RateLimit-Policy headers, and 429 carries Retry-After.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "ir_live_… API key" } },
    },
    paths: {
      "/api/v1/organisations": {
        get: {
          summary: "The organisations the key may act for (scope read)",
          responses: { "200": { description: "Organisations", ...json(organisationListSchema) }, ...common },
        },
      },
      "/api/v1/board": {
        get: {
          summary:
            "The board: each organisation's A-melding months and their states, 50 organisations a page (scope read)",
          description:
            "The same states, filters, order and marks (each organisation's access problem, each accepted month's reconciliation) as the board in the app (/tavle).",
          requestParams: { query: boardQueryDoc },
          responses: { "200": { description: "A page of the board", ...json(boardSchema) }, ...common },
        },
      },
      "/api/v1/submissions": {
        get: {
          summary: "List submissions, newest first (scope read)",
          description: "The same filters and keyset pagination as the submissions list in the app.",
          requestParams: { query: listQueryDoc },
          responses: { "200": { description: "A page", ...json(submissionPageSchema) }, ...common },
        },
        post: {
          summary: "Create an A-melding or an OAR report as a draft or send it (scope submit)",
          description:
            "`kind` chooses the report. An A-melding with `replacesSubmissionId` replaces that accepted A-melding (the server sets erstatterMeldingsId).",
          requestParams: { header: z.object({ "Idempotency-Key": idempotencyKey }) },
          requestBody: json(createSubmissionDoc),
          responses: {
            "201": { description: "Created", ...json(createdSchema) },
            ...problems(400, 404, 409, 413),
            ...common,
          },
        },
      },
      "/api/v1/submissions/validate": {
        post: {
          summary: "Check a submission as creating it would, keeping nothing (scope submit)",
          requestParams: { header: z.object({ "Idempotency-Key": idempotencyKey }) },
          requestBody: json(createSubmissionDoc),
          responses: {
            "200": { description: "Valid", ...json(validationResultSchema) },
            ...problems(400, 409),
            ...common,
          },
        },
      },
      "/api/v1/submissions/{id}": {
        get: {
          summary: "A submission with its versions, attempts (decoded errors) and feedback (scope read)",
          requestParams: { path: submissionIdParams },
          responses: {
            "200": { description: "The submission", ...json(submissionDetailSchema) },
            ...problems(404),
            ...common,
          },
        },
      },
      "/api/v1/submissions/{id}/attempts": {
        get: {
          summary: "A submission's delivery attempts, each with Skatteetaten's answer decoded (scope read)",
          requestParams: { path: submissionIdParams },
          responses: {
            "200": { description: "The attempts, oldest first", ...json(attemptListSchema) },
            ...problems(404),
            ...common,
          },
        },
      },
      "/api/v1/submissions/{id}/feedback": {
        get: {
          summary: "An A-melding's feedback (tilbakemelding), null until fetched (scope read)",
          requestParams: { path: submissionIdParams },
          responses: {
            "200": { description: "The feedback", ...json(submissionFeedbackSchema) },
            ...problems(404),
            ...common,
          },
        },
      },
      "/api/v1/submissions/{id}/submit": {
        post: {
          summary: "Send a draft as it is stored, every field checked (scope submit)",
          description:
            "Under the organisation's four-eyes rule the key counts as its creator: the draft is stored awaiting another user's approval in the app (`status` draft, `awaitingApproval` true) and is sent when that user approves it. The same holds for `intent: submit` on create and versions.",
          requestParams: { path: submissionIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
          responses: {
            "200": { description: "Queued, or awaiting approval under four-eyes", ...json(createdSchema) },
            ...problems(400, 404, 409),
            ...common,
          },
        },
      },
      "/api/v1/submissions/{id}/versions": {
        post: {
          summary:
            "Save a draft's next version, or send a corrected version (new key) of a rejected, failed or conflicting submission (scope submit)",
          description: "`leveranse` for an A-melding, `oar` for an OAR report.",
          requestParams: { path: submissionIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
          requestBody: json(correctedVersionDoc),
          responses: {
            "201": { description: "Created", ...json(createdSchema) },
            ...problems(400, 404, 409),
            ...common,
          },
        },
      },
    },
  });
}

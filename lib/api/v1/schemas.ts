import { z } from "zod";
import { ACCESS_PROBLEM_STATES } from "@/lib/access-health/access-outcome";
import { leveranseSchema } from "@/lib/amelding/leveranse-schema";
import { ruleOverrideSchema } from "@/lib/amelding/rules/rule-override";
import { BOARD_SORTS, BOARD_STATES } from "@/lib/board/board-filter";
import type { InputLimits } from "@/lib/input/guard";
import { oppdragFormSchema } from "@/lib/oppdrag/oppdrag-form-schema";
import { RECONCILIATION_VIEWS } from "@/lib/reconciliation/differences";
import { SUBMISSION_STATUSES } from "@/lib/submissions/queries/list-filter";
import { FEEDBACK_STATUSES } from "@/lib/submissions/queries/list-page";

/*
 * The public API's request and answer schemas (/api/v1). Route handlers parse with them and the
 * OpenAPI document (lib/api/v1/openapi.ts) is generated from them; the A-melding itself is the
 * builder's own schema (lib/amelding/leveranse-schema.ts), so the API takes what the form takes.
 */

export const organisationSchema = z
  .object({ id: z.uuid(), orgnr: z.string(), name: z.string() })
  .meta({ id: "Organisation" });
export const organisationListSchema = z.object({ organisations: z.array(organisationSchema) });

/**
 * A new A-melding. `leveranse` is checked in full with the builder's schema when sent ("submit")
 * and leniently as a draft; the server sets leveringstidspunkt (on submit) and erstatterMeldingsId
 * (from `replacesSubmissionId`).
 */
export const createAmeldingSchema = z
  .object({
    kind: z.literal("amelding"),
    organisationId: z.uuid(),
    intent: z.enum(["draft", "submit"]),
    replacesSubmissionId: z.uuid().optional().meta({ description: "An accepted A-melding this one replaces" }),
    leveranse: z
      .record(z.string(), z.unknown())
      .meta({ description: "The A-melding (model v2.3) as the JSON import takes it: see the schema Leveranse" }),
    ruleOverride: ruleOverrideSchema.optional(),
  })
  .meta({ id: "CreateAmelding" });

/**
 * A new OAR report. `oar` holds the form's fields (lib/oppdrag/oppdrag-form-schema.ts), checked in
 * full when sent and leniently as a draft; the server gives a new oppdrag its oppdragsreferanse.
 */
export const createOarSchema = z
  .object({
    kind: z.literal("oar"),
    organisationId: z.uuid(),
    intent: z.enum(["draft", "submit"]),
    oppdragsreferanse: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Set when reporting a change of an oppdrag reported before" }),
    oar: z
      .record(z.string(), z.unknown())
      .meta({ description: "The OAR report as the form takes it: see the schema OarReport" }),
  })
  .meta({ id: "CreateOar" });

export const createSubmissionSchema = z.discriminatedUnion("kind", [createAmeldingSchema, createOarSchema]);

/**
 * A corrected version of a rejected, failed or conflicting submission (or the next save of a
 * draft): `leveranse` for an A-melding, `oar` for an OAR report.
 */
export const correctedVersionSchema = z
  .object({
    intent: z.enum(["draft", "submit"]),
    leveranse: z.record(z.string(), z.unknown()).optional(),
    oar: z.record(z.string(), z.unknown()).optional(),
    ruleOverride: ruleOverrideSchema.optional().meta({
      description: "An A-melding's control rules of severity Avvisning sent anyway: each rule named, with a reason",
    }),
  })
  .meta({ id: "CorrectedVersion" });

export const createdSchema = z
  .object({
    submissionId: z.uuid(),
    status: z.enum(["draft", "queued"]),
    /** The organisation's four-eyes rule is on: the report was stored and waits for another user's approval in the app (docs/four-eyes.md). */
    awaitingApproval: z.boolean(),
  })
  .meta({ id: "SubmissionCreated" });

export const validationResultSchema = z.object({ valid: z.literal(true) }).meta({ id: "ValidationResult" });

const decodedErrorSchema = z
  .object({
    code: z.string().nullable(),
    httpStatus: z.number(),
    melding: z.string().nullable(),
    korrelasjonsid: z.string().nullable(),
    category: z.string(),
    retryable: z.boolean(),
    hint: z.string(),
    specifications: z.array(
      z.object({
        kode: z.string().nullable(),
        melding: z.string().nullable(),
        sti: z.string().nullable(),
        explanation: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "DecodedError" });

export const attemptSchema = z
  .object({
    attemptNo: z.number().int(),
    step: z.string(),
    outcome: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    responseStatus: z.number().int().nullable(),
    errorCode: z.string().nullable(),
    korrelasjonsid: z.string().nullable(),
    decodedError: decodedErrorSchema.nullable(),
  })
  .meta({ id: "Attempt" });

export const feedbackSchema = z
  .object({
    status: z.enum(FEEDBACK_STATUSES),
    receivedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    deviations: z.array(
      z.object({
        code: z.string().nullable(),
        severity: z.string(),
        message: z.string().nullable(),
        fieldPath: z.string().nullable(),
        virksomhet: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Feedback" });

export const submissionSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["oar", "amelding"]),
    organisationId: z.uuid(),
    subject: z.string(),
    status: z.enum(SUBMISSION_STATUSES),
    statusReasonCode: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    feedbackStatus: z.enum(FEEDBACK_STATUSES).nullable(),
    replacesSubmissionId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "SubmissionSummary" });

export const submissionPageSchema = z
  .object({ submissions: z.array(submissionSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "SubmissionPage" });

/** A user who did something with a version (docs/four-eyes.md); null when unknown (rows from before). */
const actorSchema = z.object({ name: z.string(), email: z.string() }).nullable();

export const versionSchema = z
  .object({
    versionNo: z.number().int(),
    idempotencyKey: z.string(),
    createdAt: z.string(),
    preparedBy: actorSchema,
    /** The API key the version was saved through (its creator is preparedBy). */
    preparedByApiKey: z.string().nullable(),
    approvalState: z.enum(["awaiting", "declined", "approved", "not_required"]),
    approvedBy: actorSchema,
    approvedAt: z.string().nullable(),
    sentBy: actorSchema,
    sentByApiKey: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "SubmissionVersion" });

export const submissionDetailSchema = submissionSummarySchema
  .extend({
    acceptedAt: z.string().nullable(),
    receivedIds: z.record(z.string(), z.string()).nullable(),
    versions: z.array(versionSchema),
    attempts: z.array(attemptSchema),
    feedback: feedbackSchema.nullable(),
  })
  .meta({ id: "Submission" });

export const submissionIdParams = z.object({ id: z.uuid() });

/** The board (/tavle) as data: each organisation's months and their states (docs/board.md). */
export const boardSchema = z
  .object({
    today: z.string(),
    months: z.array(
      z.object({
        kalendermaaned: z.string(),
        deadline: z.string(),
        workingDaysLeft: z.number().int().meta({ description: "0 on the deadline, -1 once it has passed" }),
      }),
    ),
    organisations: z.array(
      z.object({
        id: z.uuid(),
        orgnr: z.string(),
        name: z.string(),
        owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        riskDeadline: z.string().nullable(),
        oarDue: z.number().int(),
        oarOverdue: z.number().int(),
        access: z
          .object({
            state: z.enum(ACCESS_PROBLEM_STATES),
            code: z.string().nullable().meta({ description: "The last failure's code, e.g. MP-303 or AMLD_005" }),
          })
          .nullable()
          .meta({
            description:
              "When the organisation's access to Skatteetaten fails: a failing Maskinporten token, a refusal, a system user missing or revoked; null when it works or nothing was sent yet",
          }),
        months: z.array(
          z.object({
            kalendermaaned: z.string(),
            state: z.enum(BOARD_STATES),
            submissionId: z.uuid().nullable(),
            draftId: z.uuid().nullable(),
            avvisning: z.number().int(),
            oyeblikkelig: z.number().int(),
            retningslinje: z.number().int(),
            reconciliation: z
              .enum(RECONCILIATION_VIEWS)
              .nullable()
              .meta({ description: "With an accepted A-melding: its reconciliation with Skatteetaten's report" }),
          }),
        ),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "Board" });

/** The board's filters as the page takes them (lib/board/board-filter.ts). */
export const boardQueryDoc = z.object({
  owner: z.string().optional().meta({ description: '"mine" (the key\'s creator), "none", or a user id' }),
  state: z.enum(BOARD_STATES).optional().meta({ description: "Organisations with such a month; repeat for several" }),
  q: z.string().optional().meta({ description: "Name contains, or orgnr starts with" }),
  sort: z.enum(BOARD_SORTS).optional().meta({ description: "risk (default), name or orgnr" }),
  page: z.number().int().min(1).optional(),
});

export const attemptListSchema = z
  .object({ submissionId: z.uuid(), attempts: z.array(attemptSchema) })
  .meta({ id: "AttemptList" });

/** An A-melding's feedback once fetched; null before that, and always for an OAR report (it has none). */
export const submissionFeedbackSchema = z
  .object({ submissionId: z.uuid(), feedback: feedbackSchema.nullable() })
  .meta({ id: "SubmissionFeedback" });

/** The list's filters as the UI's list takes them (lib/submissions/queries/list-filter.ts). */
export const listQueryDoc = z.object({
  status: z.enum(SUBMISSION_STATUSES).optional().meta({ description: "Repeat for several" }),
  kind: z.enum(["oar", "amelding"]).optional(),
  org: z.uuid().optional(),
  period: z.string().optional().meta({ description: "YYYY-MM" }),
  from: z.string().optional(),
  to: z.string().optional(),
  code: z.string().optional(),
  q: z.string().optional(),
  cursor: z.string().optional().meta({ description: "nextCursor of the previous page" }),
});

/**
 * The request bodies as the document describes them: `leveranse` with the builder's full schema
 * (the handlers take it as an object and check it inside the operation, so its errors keep the
 * model's field paths).
 */
// Both are `zod/mini` schemas (the browser parses with them), registered here as classic `.meta()` would.
const leveranseDoc = leveranseSchema.clone().register(z.globalRegistry, { id: "Leveranse" });
const oarDoc = oppdragFormSchema.clone().register(z.globalRegistry, { id: "OarReport" });
export const createSubmissionDoc = z.discriminatedUnion("kind", [
  createAmeldingSchema.extend({ leveranse: leveranseDoc }),
  createOarSchema.extend({ oar: oarDoc }),
]);
export const correctedVersionDoc = correctedVersionSchema.extend({
  leveranse: z.optional(leveranseDoc),
  oar: z.optional(oarDoc),
});

/** An A-melding body may be large (many inntektsmottakere): bounded by bytes (API_MAX_BODY_BYTES) and these. */
export const API_BODY_LIMITS: InputLimits = {
  maxDepth: 32,
  maxNodes: 2_000_000,
  maxKeyLength: 200,
  maxStringLength: 20_000,
};

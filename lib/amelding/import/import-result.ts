import { z } from "zod";
import { RULE_SEVERITIES } from "@/lib/amelding/rules/rule-types";
import type { AmeldingMessageKey } from "@/lib/amelding/validation-messages";
import type { DocumentError, UnknownElementWarning } from "./import-issues";
import type { LeveranseSummary } from "./summarise-leveranse";

/*
 * What the import route handler answers, shared by the handler and the import page.
 */

export type ImportFormat = "json" | "xml";

export type ImportFieldError = { field: string; key: AmeldingMessageKey; params?: Record<string, string | number> };

/**
 * The errors of one person (`person`: name and identity as the reader's role may see them), or of
 * the leveranse itself (person null). `given` (the name and number as in the file) goes no further
 * than the web server, which writes `person` from it for the reader (person-shown.ts).
 */
export type ImportErrorGroup = {
  person: string | null;
  virksomhet: string | null;
  errors: ImportFieldError[];
  given?: { name: string; norskIdentifikator: string; foreignId: string; position: number };
};

export type ImportRejected = {
  ok: false;
  format: ImportFormat | null;
  documentErrors: DocumentError[];
  groups: ImportErrorGroup[];
  errorCount: number;
  /** How many persons have at least one error. */
  personCount: number;
  /** Set when fewer errors are listed in `groups` than `errorCount` (see MAX_LISTED_ERRORS). */
  listedCount?: number;
  warnings: UnknownElementWarning[];
};

export type ImportChecked = {
  ok: true;
  format: ImportFormat;
  xmlVersion?: string;
  organisation: { name: string; orgnr: string };
  summary: LeveranseSummary;
  warnings: UnknownElementWarning[];
  /** The control rules' findings (lib/amelding/rules): the first MAX_LISTED_RULE_HITS of `total`. */
  rules: { hits: ImportRuleHit[]; total: number };
};

export type ImportRuleHit = {
  ruleId: string;
  skatteetatenCode: string | null;
  severity: (typeof RULE_SEVERITIES)[number];
  path: string;
  params?: Record<string, string>;
};
/** More findings than this are counted, not listed. */
export const MAX_LISTED_RULE_HITS = 200;

export type ImportSaved = { ok: true; submissionId: string; queued: boolean; awaitingApproval: boolean };

export type ImportIntent = "check" | "draft" | "submit";
export const IMPORT_INTENTS: readonly ImportIntent[] = ["check", "draft", "submit"];

/*
 * The import route's output schema (app/api/amelding/import): every answer is checked against it
 * before it is sent (lib/routes/route-handler.ts), so a field nobody declared never reaches the browser.
 */
const importPath = z.array(z.union([z.string(), z.number()]));
const place = { line: z.number().int().optional(), column: z.number().int().optional() };

const documentErrorSchema = z.discriminatedUnion("code", [
  z.object({
    code: z.enum([
      "empty",
      "unknown_format",
      "json_missing_leveranse",
      "xml_missing_leveranse",
      "busy",
      "too_complex",
      "timeout",
    ]),
  }),
  z.object({ code: z.literal("too_large"), maxMegabytes: z.number() }),
  z.object({ code: z.enum(["json_malformed", "xml_malformed"]), ...place, detail: z.string() }),
  z.object({ code: z.literal("xml_wrong_root"), found: z.string() }),
  z.object({ code: z.literal("xml_wrong_namespace"), found: z.string().nullable() }),
  z.object({ code: z.enum(["xml_repeated_element", "xml_expected_elements", "xml_expected_value"]), path: importPath }),
  z.object({ code: z.literal("organisation_not_accessible"), orgnr: z.string() }),
  z.object({ code: z.literal("rules_blocked"), rules: z.array(z.string()) }),
  z.object({
    code: z.literal("input_refused"),
    reason: z.string(),
    path: importPath.optional(),
    ...place,
    limit: z.number().optional(),
  }),
]);

const warningSchema = z.object({
  code: z.literal("unknown_element"),
  element: z.string(),
  count: z.number().int(),
  firstPath: importPath,
});

const rejectedSchema = z.object({
  ok: z.literal(false),
  format: z.enum(["json", "xml"]).nullable(),
  documentErrors: z.array(documentErrorSchema),
  groups: z.array(
    z.object({
      person: z.string().nullable(),
      virksomhet: z.string().nullable(),
      errors: z.array(
        z.object({
          field: z.string(),
          key: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      ),
    }),
  ),
  errorCount: z.number().int(),
  personCount: z.number().int(),
  listedCount: z.number().int().optional(),
  warnings: z.array(warningSchema),
});

const checkedSchema = z.object({
  ok: z.literal(true),
  format: z.enum(["json", "xml"]),
  xmlVersion: z.string().optional(),
  organisation: z.object({ name: z.string(), orgnr: z.string() }),
  summary: z.object({
    kalendermaaned: z.string(),
    opplysningspliktig: z.string(),
    meldingsId: z.string(),
    erstatterMeldingsId: z.string().nullable(),
    kildesystem: z.string(),
    virksomheter: z.array(z.object({ orgnr: z.string(), persons: z.number().int() })),
    persons: z.number().int(),
    sumInntekt: z.number(),
    sumForskuddstrekk: z.number(),
    sumAvgiftsgrunnlag: z.number(),
    reportedSumForskuddstrekk: z.number().nullable(),
    reportedSumArbeidsgiveravgift: z.number().nullable(),
    sumWarnings: z.array(
      z.object({
        field: z.string(),
        expected: z.number(),
        actual: z.number().optional(),
        key: z.enum(["sumMismatch", "sumMissing"]),
      }),
    ),
  }),
  warnings: z.array(warningSchema),
  rules: z.object({
    hits: z.array(
      z.object({
        ruleId: z.string(),
        skatteetatenCode: z.string().nullable(),
        severity: z.enum(RULE_SEVERITIES),
        path: z.string(),
        params: z.record(z.string(), z.string()).optional(),
      }),
    ),
    total: z.number().int(),
  }),
});

const savedSchema = z.object({
  ok: z.literal(true),
  submissionId: z.uuid(),
  queued: z.boolean(),
  awaitingApproval: z.boolean(),
});

/** Rejected, saved or checked: each needs fields the others lack, so an answer matches only its own. */
export const importAnswerSchema = z.union([rejectedSchema, savedSchema, checkedSchema]);
export type ImportAnswer = z.input<typeof importAnswerSchema>;

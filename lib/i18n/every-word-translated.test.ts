import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { MASKINPORTEN_ERROR_REASONS } from "@/lib/maskinporten/error-codes";
import {
  describeFeedbackProblem,
  FEEDBACK_PROBLEM_CODES,
  type FeedbackProblemParams,
} from "@/lib/submissions/feedback/feedback-problem";
import {
  describeStatusReason,
  STATUS_REASON_CODES,
  type StatusReasonParams,
  statusReason,
} from "@/lib/submissions/status-reason";
import en from "./messages/en.json";
import nb from "./messages/nb.json";
import type { Translator } from "./translator";

const t = {
  nb: createTranslator({ locale: "nb", messages: nb }) as unknown as Translator,
  en: createTranslator({ locale: "en", messages: en }) as unknown as Translator,
};

/** Words that mark an English sentence; none of them is a Norwegian word. */
const ENGLISH =
  /\b(the|and|after|attempts?|gave up|retry|retries|failed|error|could not|not|answer|within|token request)\b/i;

/** Values another party wrote, passed through as data: the text around them must still be Norwegian. */
const SAMPLE: StatusReasonParams = {
  cause: { code: "timeout", params: { seconds: 30 } },
  melding: "X",
  status: 503,
  seconds: 30,
  detail: "ECONNRESET",
  kind: "oar",
  attempts: 6,
  uploadId: "u1",
  count: 2,
  minutes: 30,
  text: "Gave up after 6 attempts",
  maskinporten: "server",
  variable: "MASKINPORTEN_KID",
};

const STRINGS = { status: 503, variable: "MASKINPORTEN_KID" };

describe("every reason the engine records and every Maskinporten explanation", () => {
  it("reads as Norwegian in bokmål, and differs from English where it is our own text", () => {
    for (const code of STATUS_REASON_CODES) {
      const nbText = describeStatusReason(t.nb, code, SAMPLE) ?? "";
      const enText = describeStatusReason(t.en, code, SAMPLE) ?? "";
      expect(nbText, code).not.toMatch(ENGLISH);
      if (code !== "skatteetaten_message") expect(nbText, code).not.toBe(enText);
    }
    for (const key of [...MASKINPORTEN_ERROR_REASONS, "network", "server", "bad_response", "unexpected", "config"]) {
      for (const part of ["explanation", "hint"]) {
        const nbText = t.nb(`maskinportenErrors.${key}.${part}`, STRINGS);
        expect(nbText, `${key}.${part}`).not.toBe(t.en(`maskinportenErrors.${key}.${part}`, STRINGS));
        expect(nbText, `${key}.${part}`).not.toMatch(ENGLISH);
      }
    }
  });

  it("says why a delivery gave up in Norwegian, down to Maskinporten's answer", () => {
    const reason = statusReason("gave_up", {
      attempts: 6,
      cause: statusReason("token_unavailable", { maskinporten: "authorization_details_values", mpCode: "MP-303" }),
    });
    const text = describeStatusReason(t.nb, reason.code, reason.params) ?? "";
    expect(text).toMatch(/^Ga opp etter 6 forsøk\. Siste årsak: Fikk ikke tilgangstoken fra Maskinporten: MP-303: /);
    expect(text).not.toMatch(ENGLISH);
    expect(describeStatusReason(t.nb, "legacy", { text: "Gave up after 6 attempts: ECONNRESET" })).not.toMatch(ENGLISH);
  });

  it("says why the A-melding feedback could not be had in Norwegian, with and without the last problem", () => {
    const sample: FeedbackProblemParams = {
      dialogId: "0194-dialog",
      checks: 8,
      hours: 72,
      cause: { code: "dialogporten_unreachable", params: { detail: "ECONNREFUSED" } },
      status: 503,
      detail: "ECONNRESET",
      origin: "https://example.test",
      configured: "https://amelding-tilbakemelding.api.skatteetaten.no/v1",
      codes: "AMLD_001",
      melding: "X",
      maskinporten: "server",
      mpCode: "",
      text: "No feedback within 72 hours of acceptance",
    };
    const { cause: _cause, ...withoutCause } = sample;
    for (const code of FEEDBACK_PROBLEM_CODES) {
      // Only the longest wait can end without a last problem; every other code gets its parameters.
      for (const params of code === "no_feedback_in_time" ? [sample, withoutCause] : [sample]) {
        const nbText = describeFeedbackProblem(t.nb, code, params) ?? "";
        expect(nbText, code).not.toMatch(ENGLISH);
        expect(nbText, code).not.toMatch(/\{|feedback\.problems/);
        expect(nbText, code).not.toBe(describeFeedbackProblem(t.en, code, params));
      }
    }
    expect(
      describeFeedbackProblem(t.nb, "dialog_gave_up", {
        checks: 8,
        cause: { code: "dialog_not_found", params: { dialogId: "d1" } },
      }),
    ).toBe("Ga opp etter 8 sjekker. Siste problem: Dialogen d1 finnes ikke i Dialogporten");
  });

  it("names a missing Altinn setting in Norwegian", () => {
    for (const key of ["setting", "settingSystemId"]) {
      const values = { variable: "MASKINPORTEN_KID" };
      const nbText = t.nb(`systemUsers.altinnError.${key}`, values);
      expect(nbText, key).not.toMatch(ENGLISH);
      expect(nbText, key).not.toBe(t.en(`systemUsers.altinnError.${key}`, values));
    }
  });
});

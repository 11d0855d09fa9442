import { describe, expect, it } from "vitest";
import { attemptOutcomeEnum, deliveryStepEnum } from "@/lib/db/schema";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { STATUS_REASON_CODES } from "../status-reason";
import { attemptTimeline, SHOWN_BODY_CHARS, shownBody } from "./attempt-timeline";

const attempt = (
  attemptNo: number,
  step: string,
  outcome: string,
  uploadId: string | null = "u1",
  answer: { responseStatus?: number; errorCode?: string; transportError?: string; melding?: string } = {},
) =>
  ({
    attemptNo,
    step,
    outcome,
    uploadId,
    versionId: "v1",
    responseStatus: answer.responseStatus ?? null,
    errorCode: answer.errorCode ?? null,
    transportError: answer.transportError ?? null,
    decodedError: answer.melding ? { melding: answer.melding, specifications: [] } : null,
  }) as never;

const rows = (entries: { first: unknown; last: unknown; count: number }[]) =>
  entries.map((e) => [
    (e.first as { attemptNo: number }).attemptNo,
    (e.last as { attemptNo: number }).attemptNo,
    e.count,
  ]);

describe("the submission page's timeline", () => {
  it("folds a run of 'still validating' checks of one upload into one entry, keeps every other step, newest first", () => {
    const attempts = [
      attempt(1, "upload", "uploaded"),
      attempt(2, "upload_status", "validating"),
      attempt(3, "upload_status", "validating"),
      attempt(4, "upload_status", "validating"),
      attempt(5, "upload_status", "retryable_error"),
      attempt(6, "upload_status", "validating"),
      attempt(7, "upload_status", "validating", "u2"),
      attempt(8, "upload_status", "validated", "u2"),
      attempt(9, "upload_submit", "accepted", "u2"),
    ];
    expect(rows(attemptTimeline(attempts))).toEqual([
      [9, 9, 1],
      [8, 8, 1],
      [7, 7, 1],
      [6, 6, 1],
      [5, 5, 1],
      [2, 4, 3],
      [1, 1, 1],
    ]);
  });

  it("folds identical failed attempts into one row, and keeps apart those whose answer differs", () => {
    const backend = { responseStatus: 500, errorCode: "OAR_010", melding: "Feil i bakenforliggende system" };
    const attempts = [
      attempt(1, "send", "timeout", null, { transportError: "No answer within 30000 ms" }),
      ...[2, 3, 4, 5, 6].map((n) => attempt(n, "send", "retryable_error", null, backend)),
      attempt(7, "send", "retryable_error", null, { ...backend, melding: "Annen melding" }),
      attempt(8, "send", "in_flight", null),
      attempt(9, "send", "in_flight", null),
    ];
    expect(rows(attemptTimeline(attempts))).toEqual([
      [9, 9, 1],
      [8, 8, 1],
      [7, 7, 1],
      [2, 6, 5],
      [1, 1, 1],
    ]);
  });

  it("names every step, outcome and reason an upload delivery records, in both languages", () => {
    for (const messages of [nb, en]) {
      for (const outcome of attemptOutcomeEnum.enumValues)
        expect(messages.detail.outcomes, outcome).toHaveProperty(outcome);
      for (const step of deliveryStepEnum.enumValues.filter((s) => s !== "send"))
        expect(messages.detail.steps, step).toHaveProperty(step);
      for (const code of STATUS_REASON_CODES) expect(messages.statusReason, code).toHaveProperty(code);
    }
  });

  it("shows at most a bounded part of a large body, saying how much is left out", () => {
    expect(shownBody("{}")).toEqual({ text: "{}", omitted: 0 });
    const large = "x".repeat(SHOWN_BODY_CHARS + 42);
    expect(shownBody(large)).toEqual({ text: "x".repeat(SHOWN_BODY_CHARS), omitted: 42 });
  });
});

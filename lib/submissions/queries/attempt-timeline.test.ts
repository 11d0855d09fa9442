import { describe, expect, it } from "vitest";
import { attemptOutcomeEnum, deliveryStepEnum } from "@/lib/db/schema";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { STATUS_REASON_CODES } from "../status-reason";
import { attemptTimeline, SHOWN_BODY_CHARS, shownBody } from "./attempt-timeline";

const attempt = (attemptNo: number, step: string, outcome: string, uploadId: string | null = "u1") =>
  ({ attemptNo, step, outcome, uploadId }) as never;

describe("the submission page's timeline", () => {
  it("folds a run of 'still validating' checks of one upload into one entry, and keeps every other step", () => {
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
    const entries = attemptTimeline(attempts).map((e) => [
      (e.attempt as { attemptNo: number }).attemptNo,
      (e.last as { attemptNo: number }).attemptNo,
      e.count,
    ]);
    expect(entries).toEqual([
      [1, 1, 1],
      [2, 4, 3],
      [5, 5, 1],
      [6, 6, 1],
      [7, 7, 1],
      [8, 8, 1],
      [9, 9, 1],
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

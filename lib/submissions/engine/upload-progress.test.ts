import { describe, expect, it } from "vitest";
import type { UploadStepRecord } from "./delivery-statements";
import { DEFAULT_UPLOAD_POLLING, nextUploadStep, pollDelayMs } from "./upload-progress";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();
const step = (
  s: UploadStepRecord["step"],
  outcome: UploadStepRecord["outcome"],
  uploadId: string | null,
  second = 0,
): UploadStepRecord => ({
  step: s,
  outcome,
  upload_id: uploadId,
  started_at: at(second),
});
const roundStart = new Date(at(0));

describe("where an upload delivery stands, read from its attempts", () => {
  it("uploads first, and again while no upload's id was stored", () => {
    expect(nextUploadStep([], roundStart)).toEqual({ step: "upload" });
    expect(
      nextUploadStep([step("upload", "interrupted", null), step("upload", "unreadable_answer", null)], roundStart),
    ).toEqual({ step: "upload" });
  });

  it("checks the stored upload until it is validated, counting the checks and the wait from the later of upload and round", () => {
    const steps = [
      step("upload", "uploaded", "u1", 5),
      step("upload_status", "validating", "u1", 6),
      step("upload_status", "retryable_error", "u1", 7),
      step("upload_status", "validating", "u1", 9),
    ];
    expect(nextUploadStep(steps, roundStart)).toEqual({
      step: "upload_status",
      uploadId: "u1",
      polls: 2,
      waitingSince: new Date(at(5)),
    });
    expect(nextUploadStep(steps, new Date(at(30)))).toMatchObject({ waitingSince: new Date(at(30)) });
  });

  it("sends in a validated upload, knowing whether an earlier send-in of it may have arrived", () => {
    const validated = [step("upload", "uploaded", "u1"), step("upload_status", "validated", "u1")];
    expect(nextUploadStep(validated, roundStart)).toEqual({
      step: "upload_submit",
      uploadId: "u1",
      submitMayHaveArrived: false,
    });
    expect(nextUploadStep([...validated, step("upload_submit", "retryable_error", "u1")], roundStart)).toMatchObject({
      submitMayHaveArrived: true,
    });
    expect(nextUploadStep([...validated, step("upload_submit", "interrupted", "u1")], roundStart)).toMatchObject({
      submitMayHaveArrived: true,
    });
    expect(nextUploadStep([...validated, step("upload_submit", "not_sent", "u1")], roundStart)).toMatchObject({
      submitMayHaveArrived: false,
    });
  });

  it("starts over once the upload is gone, and ignores what concerned another upload", () => {
    const steps = [
      step("upload", "uploaded", "u1"),
      step("upload_status", "validated", "u1"),
      step("upload_submit", "upload_not_found", "u1"),
    ];
    expect(nextUploadStep(steps, roundStart)).toEqual({ step: "upload" });
    const again = [...steps, step("upload", "uploaded", "u2"), step("upload_status", "validated", "u1")];
    expect(nextUploadStep(again, roundStart)).toMatchObject({ step: "upload_status", uploadId: "u2", polls: 0 });
  });

  it("pauses between checks from the first pause, doubling, up to the longest", () => {
    const polling = { ...DEFAULT_UPLOAD_POLLING, firstDelayMs: 1_000, maxDelayMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 100].map((n) => pollDelayMs(n, polling))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

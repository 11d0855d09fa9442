import { describe, expect, it } from "vitest";
import { deadlineStatus } from "./deadline-status";
import { osloDate } from "./deadlines";

const base = { deadline: "2026-04-07", trackedFrom: "2025-01-01" };

describe("deadlineStatus", () => {
  it("counts an acceptance until the end of the deadline day in Norway as on time", () => {
    // 23:59 in Oslo (summer time, UTC+2) on the deadline day.
    expect(
      deadlineStatus({ ...base, today: "2026-05-01", firstAcceptedOn: osloDate(new Date("2026-04-07T21:59:00Z")) }),
    ).toBe("on_time");
    // 00:00 the next day in Oslo, still 7 April in UTC.
    expect(
      deadlineStatus({ ...base, today: "2026-05-01", firstAcceptedOn: osloDate(new Date("2026-04-07T22:00:00Z")) }),
    ).toBe("late");
  });

  it("is missing once the deadline day is over with nothing accepted", () => {
    expect(deadlineStatus({ ...base, today: "2026-04-07", firstAcceptedOn: null })).toBe("due_soon");
    expect(deadlineStatus({ ...base, today: "2026-04-08", firstAcceptedOn: null })).toBe("missing");
  });

  it("is due soon within seven days of the deadline, and not yet due before that", () => {
    expect(deadlineStatus({ ...base, today: "2026-03-31", firstAcceptedOn: null })).toBe("due_soon");
    expect(deadlineStatus({ ...base, today: "2026-03-30", firstAcceptedOn: null })).toBe("not_yet_due");
  });

  it("does not call a month missing whose deadline passed before the organisation was added", () => {
    expect(deadlineStatus({ ...base, trackedFrom: "2026-04-08", today: "2026-05-01", firstAcceptedOn: null })).toBe(
      "not_tracked",
    );
    expect(deadlineStatus({ ...base, trackedFrom: "2026-04-07", today: "2026-05-01", firstAcceptedOn: null })).toBe(
      "missing",
    );
    // Something accepted still counts, even from before.
    expect(
      deadlineStatus({
        ...base,
        trackedFrom: "2026-06-01",
        today: "2026-06-02",
        firstAcceptedOn: osloDate(new Date("2026-04-02T10:00:00Z")),
      }),
    ).toBe("on_time");
  });
});

import { describe, expect, it } from "vitest";
import { arbeidsgiveravgiftTerm, forskuddstrekkDueDate } from "./payment-dates";

describe("payment due dates", () => {
  it("forskuddstrekk is due the first working day after the salary payment date", () => {
    // Friday 20 November 2026 → Monday 23 November.
    expect(forskuddstrekkDueDate("2026-11-20")).toBe("2026-11-23");
    // Wednesday → Thursday.
    expect(forskuddstrekkDueDate("2026-11-18")).toBe("2026-11-19");
    // Paid on 24 December 2026 (Thursday): 25 and 26 December are holidays, 27 a Sunday → Monday 28.
    expect(forskuddstrekkDueDate("2026-12-24")).toBe("2026-12-28");
    // Wednesday 1 April 2026: Maundy Thursday, Good Friday, the weekend and Easter Monday → Tuesday 7 April.
    expect(forskuddstrekkDueDate("2026-04-01")).toBe("2026-04-07");
  });

  it("arbeidsgiveravgift is due per two-month term on the 15th after it, on a working day", () => {
    expect(arbeidsgiveravgiftTerm("2026-01")).toEqual({ term: 1, year: 2026, dueDate: "2026-03-16" }); // 15 March is a Sunday
    expect(arbeidsgiveravgiftTerm("2026-02")).toEqual({ term: 1, year: 2026, dueDate: "2026-03-16" });
    expect(arbeidsgiveravgiftTerm("2026-09")).toEqual({ term: 5, year: 2026, dueDate: "2026-11-16" }); // 15 November is a Sunday
    expect(arbeidsgiveravgiftTerm("2026-10").dueDate).toBe("2026-11-16");
    expect(arbeidsgiveravgiftTerm("2026-11")).toEqual({ term: 6, year: 2026, dueDate: "2027-01-15" });
    expect(arbeidsgiveravgiftTerm("2026-12").dueDate).toBe("2027-01-15");
    expect(arbeidsgiveravgiftTerm("2026-05").dueDate).toBe("2026-07-15");
  });
});

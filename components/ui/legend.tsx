import type { ReactNode } from "react";

/**
 * A titled legend under a month grid (the board's and the deadline table's): each entry a term
 * and its explanation, so colour and marks are never the only explanation.
 */
export function Legend({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h2 className="mt-6 mb-2 text-lg font-semibold">{title}</h2>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">{children}</dl>
    </>
  );
}

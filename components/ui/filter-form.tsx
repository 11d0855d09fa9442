import type { ReactNode } from "react";
import { Button } from "./button";

/** Classes of a filter's input or select. */
export const filterInputClass = "mt-1 w-full rounded border border-muted px-2 py-1.5";
/** Classes of a filter's label (which wraps its input). */
export const filterLabelClass = "block text-sm font-medium";

/**
 * The one list filter: a plain GET form whose fields are the page's search parameters, so a
 * filtered view can be bookmarked and shared; the page reads them back with its parser and
 * passes the values as the fields' defaults. The reset link goes to the page without parameters.
 */
export function FilterForm({
  action,
  label,
  submitLabel,
  resetLabel,
  children,
  after,
}: {
  /** The page's path; also where the reset link goes. */
  action: string;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  resetLabel: string;
  /** The fields, laid out in a grid. */
  children: ReactNode;
  /** Below the grid (e.g. filters shown only when set). */
  after?: ReactNode;
}) {
  return (
    <form method="get" action={action} className="mb-6 rounded border border-line bg-white p-4" aria-label={label}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      {after}
      <div className="mt-4 flex gap-3">
        <Button type="submit">{submitLabel}</Button>
        <a href={action} className="px-2 py-2">
          {resetLabel}
        </a>
      </div>
    </form>
  );
}

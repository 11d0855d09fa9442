import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "./button";

/** Classes of a filter's input or select. */
export const filterInputClass = "mt-1 w-full rounded border border-muted px-2 py-1.5";
/** Classes of a filter's label (which wraps its input). */
export const filterLabelClass = "block text-sm font-medium";

/** One active filter value as a chip: what it is, and the same page without it. */
export type FilterChip = { key: string; label: string; text: string; href: string; mono?: boolean };

/**
 * The one list filter: a plain GET form whose fields are the page's search parameters, so a
 * filtered view can be bookmarked and shared; the page reads them back with its parser and
 * passes the values as the fields' defaults. Every active filter shows above it as a chip that
 * removes it (a link to the same URL without it, so it works without JavaScript), and the reset
 * link goes to the page without parameters. On narrow screens the form folds away behind a
 * "Filter (n)" summary (app/globals.css, `.filter-disclosure`).
 */
export async function FilterForm({
  action,
  label,
  submitLabel,
  resetLabel,
  chips,
  open = false,
  children,
  after,
}: {
  /** The page's path; also where the reset link goes. */
  action: string;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  resetLabel: string;
  /** Every active filter value (lib/filters/filter-chips.ts). */
  chips: FilterChip[];
  /** Unfold on narrow screens too, e.g. when a field shows an error. */
  open?: boolean;
  /** The fields, laid out in a grid. */
  children: ReactNode;
  /** Below the grid (e.g. filters shown only when set). */
  after?: ReactNode;
}) {
  const t = await getTranslations("filters");
  return (
    <div className="mb-6">
      {chips.length > 0 && (
        <ul className="mb-3 flex flex-wrap gap-2" aria-label={t("active")} data-testid="filter-chips">
          {chips.map((chip) => (
            <li key={`${chip.key}=${chip.text}`}>
              <a
                href={chip.href}
                className="inline-flex max-w-full items-center gap-1 rounded-full border border-interactive bg-white px-3 py-1 text-sm no-underline hover:bg-brand-light"
                aria-label={t("remove", { filter: `${chip.label}: ${chip.text}` })}
              >
                <span className="break-all">
                  {chip.label}: <span className={chip.mono ? "font-mono" : ""}>{chip.text}</span>
                </span>
                <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <details className="filter-disclosure rounded border border-line bg-white" open={open || undefined}>
        <summary className="cursor-pointer px-4 py-3 font-medium">{t("toggle", { count: chips.length })}</summary>
        <form method="get" action={action} className="p-4" aria-label={label}>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
          {after}
          <div className="mt-4 flex gap-3">
            <Button type="submit">{submitLabel}</Button>
            <a href={action} className="px-2 py-2">
              {resetLabel}
            </a>
          </div>
        </form>
      </details>
    </div>
  );
}

import type { ReactNode } from "react";

/**
 * Code or a raw body in a box that scrolls when it is long. The box takes keyboard focus, so a
 * keyboard user can scroll it (axe: scrollable-region-focusable). A screen reader reads its text.
 * `className` sets the margin, height and text size; the default suits a raw body in a timeline.
 */
export function ScrollableCode({
  children,
  className = "mt-2 max-h-96 text-xs",
  testId,
}: {
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so keyboard users can scroll it (axe: scrollable-region-focusable)
      tabIndex={0}
      data-testid={testId}
      className={`${className} overflow-auto focus:outline-2 focus:outline-offset-2`}
    >
      {children}
    </pre>
  );
}

"use client";

import { useEffect, useState } from "react";
import type { ReportKind } from "@/lib/field-location/field-labels";
import { stiToModelPath } from "@/lib/field-location/model-path";

/** Classes that mark the field a link pointed at (listed here so Tailwind generates them). */
const HIGHLIGHT = ["ring-4", "ring-warning", "ring-offset-2"];

/**
 * Brings the field named by `?felt=` into view, focuses it and marks it, in the OAR form and the
 * A-melding builder alike: their field ids are `<idPrefix>-<dotted model path>`. `felt` is a
 * model path (what FieldLocation links carry) or Skatteetaten's sti. When that exact field is not
 * on screen (a part not filled in), the nearest enclosing item is used instead. Returns the path
 * that was found.
 */
export function useFocusField(felt: string | undefined, kind: ReportKind, idPrefix: string): string | null {
  const [found, setFound] = useState<string | null>(null);
  useEffect(() => {
    let path = stiToModelPath(kind, felt);
    while (path) {
      const element = document.getElementById(`${idPrefix}-${path}`);
      if (element) {
        element.scrollIntoView({ block: "center" });
        element.focus({ preventScroll: true });
        element.classList.add(...HIGHLIGHT);
        element.setAttribute("data-highlighted", "true");
        setFound(path);
        return;
      }
      const cut = path.lastIndexOf(".");
      path = cut < 0 ? null : path.slice(0, cut);
    }
  }, [felt, kind, idPrefix]);
  return found;
}

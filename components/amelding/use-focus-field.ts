"use client";

import { useEffect, useState } from "react";
import { fieldId } from "./builder-kit";

/** Classes that mark the field a link pointed at (listed here so Tailwind generates them). */
const HIGHLIGHT = ["ring-4", "ring-warning", "ring-offset-2"];

/**
 * Skatteetaten points at fields as "/leveranse/oppgave/virksomhet/0/…" (sti); our links use the
 * dotted model path. Both are accepted.
 */
export function toModelPath(felt: string): string {
  return felt
    .replace(/^\/?leveranse\//, "")
    .replace(/^\//, "")
    .replaceAll("/", ".");
}

/**
 * Brings the field named by `?felt=` into view, focuses it and marks it. When that exact field is
 * not on screen (a part not filled in), the nearest enclosing item is used instead. Returns the
 * path that was found.
 */
export function useFocusField(felt: string | undefined): string | null {
  const [found, setFound] = useState<string | null>(null);
  useEffect(() => {
    if (!felt) return;
    let path = toModelPath(felt);
    for (;;) {
      const element = document.getElementById(fieldId(path));
      if (element) {
        element.scrollIntoView({ block: "center" });
        element.focus({ preventScroll: true });
        element.classList.add(...HIGHLIGHT);
        element.setAttribute("data-highlighted", "true");
        setFound(path);
        return;
      }
      const cut = path.lastIndexOf(".");
      if (cut < 0) return;
      path = path.slice(0, cut);
    }
  }, [felt]);
  return found;
}

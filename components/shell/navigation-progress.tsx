"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** How long a navigation may take before we show that it is under way; faster ones show nothing. */
const SHOW_AFTER_MS = 300;

/**
 * A thin bar at the top of the window and a polite status message while a navigation inside the
 * app is under way, shown only once it has taken 300 ms. Deliberately not `loading.tsx`: a
 * loading boundary makes Next stream the page, and a streamed page can no longer answer 404 or
 * 403 (the status line is sent with the first byte). Starts on a click on a same-site link or a
 * GET form's submit, ends when the URL has changed.
 */
export function NavigationProgress({ label }: { label: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, setPending] = useState(false);
  const [announce, setAnnounce] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new URL is what ends the navigation.
  useEffect(() => setPending(false), [pathname, searchParams]);

  useEffect(() => {
    if (!pending) {
      setAnnounce(false);
      return;
    }
    const timer = setTimeout(() => setAnnounce(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  useEffect(() => {
    const startIfNavigating = (url: URL) => {
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      setPending(true);
    };
    // Capture phase: Next's <Link> cancels the click's default before a bubbling listener sees it.
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a") : null;
      if (!link?.href || link.hasAttribute("download") || (link.target && link.target !== "_self")) return;
      startIfNavigating(new URL(link.href, window.location.href));
    };
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
      startIfNavigating(new URL(form.action, window.location.href));
    };
    const stop = () => setPending(false);
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit, true);
    window.addEventListener("popstate", stop);
    return () => {
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("popstate", stop);
    };
  }, []);

  return (
    <>
      {pending && <div aria-hidden="true" data-testid="navigation-progress" className="navigation-progress" />}
      <p role="status" aria-live="polite" className="sr-only" data-testid="navigation-status">
        {announce ? label : ""}
      </p>
    </>
  );
}

"use client";

import { useEffect, useRef } from "react";

/**
 * Asks before leaving a page with unsaved changes. Reloading or closing the tab, or following a
 * link outside the app, is caught by `beforeunload` (the browser shows its own question). Next.js's
 * App Router has no API to block its own navigations (next/link and router.push change the page
 * without unloading it), so clicks on links are caught in the capture phase on the document,
 * before React's handler on the app's root (where next/link's onClick runs): when the user
 * declines, the click is stopped and nothing navigates. The browser's back button cannot be caught
 * (no supported way in Next.js 16): a form with autosave saves what is unsaved as it leaves the
 * page instead (use-action-form.ts).
 */
export function useLeaveGuard(active: boolean, message: string) {
  const state = useRef({ active, message });
  state.current = { active, message };

  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (!state.current.active) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    }
    function onClick(event: MouseEvent) {
      if (!state.current.active || event.defaultPrevented || event.button !== 0) return;
      // A new tab or window leaves this page as it is.
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self")) return;
      if (anchor.hasAttribute("download")) return;
      const to = new URL(anchor.href, window.location.href);
      // A link within the page (e.g. the error summary's) does not leave it.
      const here = window.location;
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search && to.hash) return;
      if (window.confirm(state.current.message)) return;
      event.preventDefault();
      event.stopPropagation();
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);
}

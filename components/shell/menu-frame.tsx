"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * The header's menu. On a phone the navigation and the user's controls fold behind one button, so
 * the header stays one compact bar; from the `md` breakpoint up the panel is laid out in the header
 * itself (`md:contents`) and the button is hidden. One copy of the navigation serves both widths.
 * Escape closes the menu and returns focus to the button; a navigation closes it too.
 */
export function MenuFrame({ openLabel, children }: { openLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a new pathname.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="app-menu"
        onClick={() => setOpen((o) => !o)}
        className="ml-auto flex items-center gap-2 rounded border border-white px-3 py-1.5 text-sm font-medium text-white md:hidden"
      >
        <span aria-hidden="true" className="flex w-4 flex-col gap-[3px]">
          <span className="h-0.5 bg-white" />
          <span className="h-0.5 bg-white" />
          <span className="h-0.5 bg-white" />
        </span>
        {openLabel}
      </button>
      <div id="app-menu" className={`${open ? "flex" : "hidden"} basis-full flex-col gap-3 pb-3 md:contents`}>
        {children}
      </div>
    </>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block border-b-4 px-3 py-3 text-white no-underline hover:bg-brand-dark ${active ? "border-white font-semibold" : "border-transparent"}`}
    >
      {children}
    </Link>
  );
}

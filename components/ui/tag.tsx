import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-surface text-ink border-line",
  brand: "bg-brand-light text-brand-dark border-brand",
  success: "bg-success-light text-success border-success",
  danger: "bg-danger-light text-danger border-danger",
  warning: "bg-warning-light text-ink border-warning",
} as const;

export function Tag({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm ${TONES[tone]}`}>{children}</span>;
}

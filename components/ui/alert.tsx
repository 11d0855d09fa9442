import type { ReactNode } from "react";

const TONES = {
  info: "border-interactive bg-white",
  success: "border-success bg-success-light",
  warning: "border-warning bg-warning-light",
  danger: "border-danger bg-danger-light",
} as const;

export function Alert({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  // Danger and success are announced politely so screen-reader users learn the outcome of a form.
  const role = tone === "danger" ? "alert" : "status";
  return (
    <div role={role} className={`border-l-4 px-4 py-3 ${TONES[tone]}`}>
      {children}
    </div>
  );
}

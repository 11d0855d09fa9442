import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "border border-interactive text-interactive bg-white hover:bg-brand-light disabled:opacity-60",
  danger: "border border-danger text-danger bg-white hover:bg-danger-light disabled:opacity-60",
  link: "text-interactive underline hover:text-interactive-dark",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  const base = variant === "link" ? "" : "rounded px-4 py-2 font-medium";
  return <button className={`${base} ${VARIANTS[variant]} ${className}`} {...props} />;
}

import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:opacity-60",
  secondary: "border border-interactive text-interactive bg-white hover:bg-brand-light disabled:opacity-60",
  danger: "border border-danger text-danger bg-white hover:bg-danger-light disabled:opacity-60",
  /** On the brand-coloured header. */
  inverse: "border border-white hover:bg-brand-dark disabled:opacity-60",
  link: "text-interactive underline hover:text-interactive-dark",
} as const;

const SIZES = {
  md: "px-4 py-2 font-medium",
  sm: "px-3 py-1",
  xs: "px-2 py-0.5 text-xs",
} as const;

export function Button({
  variant = "primary",
  size = "md",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES }) {
  const base = variant === "link" ? "" : `rounded ${SIZES[size]}`;
  return <button className={`${base} ${VARIANTS[variant]} ${className}`} {...props} />;
}

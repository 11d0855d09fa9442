import type { ReactNode } from "react";

/** Label, hint and error for one control, wired with ids so assistive technology reads them together. */
export function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
      {children(describedBy, Boolean(errors?.length))}
    </div>
  );
}

export const controlClass = (invalid: boolean) =>
  `mt-1 w-full max-w-md rounded border px-3 py-2 bg-white ${invalid ? "border-2 border-danger" : "border-muted"}`;

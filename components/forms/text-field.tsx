import type { InputHTMLAttributes } from "react";

/** A labelled input whose hint and error are tied to it for assistive technology. */
export function TextField({
  idPrefix,
  name,
  label,
  hint,
  errors,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}) {
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ");
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
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`mt-1 w-full max-w-md rounded border px-3 py-2 ${errors?.length ? "border-2 border-danger" : "border-muted"}`}
        {...input}
      />
    </div>
  );
}

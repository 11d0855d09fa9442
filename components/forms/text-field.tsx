import type { InputHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "./field-frame";

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
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={controlClass(invalid)}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

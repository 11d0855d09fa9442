import type { TextareaHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "./field-frame";

export function TextAreaField({
  idPrefix,
  name,
  label,
  hint,
  errors,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
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
        <textarea
          id={id}
          name={name}
          rows={3}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={controlClass(invalid)}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

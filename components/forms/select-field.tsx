import type { SelectHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "./field-frame";

export function SelectField({
  idPrefix,
  name,
  label,
  hint,
  errors,
  options,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const id = `${idPrefix}-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={controlClass(invalid)}
          {...select}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

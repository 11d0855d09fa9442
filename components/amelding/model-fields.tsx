"use client";

import type { InputHTMLAttributes } from "react";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { type CodeListName, codeOptions } from "@/lib/amelding/code-lists";
import { formatDecimalInput } from "@/lib/i18n/format";
import { type BuilderKit, FIELD_ID_PREFIX } from "./builder-kit";

/**
 * A text input bound to one path of the leveranse. A decimal field (`inputMode="decimal"`) shows a
 * stored "37.5" as "37,5" in bokmål; what the user types is kept as typed, and the schema reads
 * both a comma and a dot (lib/validation/decimal.ts).
 */
export function ModelText({
  kit,
  path,
  label,
  hint,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  kit: BuilderKit;
  path: string;
  label: string;
  hint?: string;
}) {
  return (
    <TextField
      idPrefix={FIELD_ID_PREFIX}
      name={path}
      label={label}
      hint={hint}
      errors={kit.errors(path)}
      value={input.inputMode === "decimal" ? formatDecimalInput(kit.locale, kit.text(path)) : kit.text(path)}
      onChange={(e) => kit.set(path, e.target.value)}
      {...input}
    />
  );
}

/** A select bound to one path, its options from a code list (labels in the user's language) or given. */
export function ModelSelect({
  kit,
  path,
  label,
  hint,
  list,
  options,
  placeholder,
  onValue,
}: {
  kit: BuilderKit;
  path: string;
  label: string;
  hint?: string;
  list?: CodeListName;
  options?: { value: string; label: string }[];
  placeholder?: string;
  /** Instead of setting the value, e.g. to also fill in a dependent field. */
  onValue?: (value: string) => void;
}) {
  return (
    <SelectField
      idPrefix={FIELD_ID_PREFIX}
      name={path}
      label={label}
      hint={hint}
      errors={kit.errors(path)}
      options={options ?? (list ? codeOptions(list, kit.locale) : [])}
      placeholder={placeholder}
      value={kit.text(path)}
      onChange={(e) => (onValue ? onValue(e.target.value) : kit.set(path, e.target.value))}
    />
  );
}

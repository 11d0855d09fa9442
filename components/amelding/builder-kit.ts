import type { FormValues } from "@/lib/amelding/form-values";

/** What every part of the A-melding builder needs: the values, their errors, and ways to change them by path. */
export type BuilderKit = {
  values: FormValues;
  locale: string;
  text(path: string): string;
  set(path: string, value: unknown): void;
  update(path: string, change: (old: Record<string, unknown>) => Record<string, unknown>): void;
  append(listPath: string, item: unknown): void;
  remove(listPath: string, index: number, keepEmpty?: boolean): void;
  errors(path: string): string[] | undefined;
};

/** Input ids are `field-` + the dotted model path, so errors, the summary and `?felt=` links find them. */
export const FIELD_ID_PREFIX = "field";
export const fieldId = (path: string) => `${FIELD_ID_PREFIX}-${path}`;

"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useMemo, useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionError, ActionResult, FieldErrors } from "@/lib/actions/action-result";
import { checkValues } from "@/lib/actions/check-values";
import { fieldErrorText, type ShownError, translateFieldErrors } from "@/lib/actions/error-text";
import { parseFormData } from "@/lib/actions/form-data";

export type ActionFormOptions<S extends z.ZodType, I, T> = {
  /** The server action (built with `defineAction`), or another submit answering the same way. */
  action: (input: I) => Promise<ActionResult<T>>;
  /** The schema the server validates with; checked in the browser first, so nothing is sent that it would refuse. */
  schema?: S;
  /** A rule beyond the schema that the server checks too; returns field errors (message keys). */
  check?: (data: z.output<S> | null, values: unknown) => FieldErrors | undefined;
  /** Where the form shows a field the server names differently. */
  mapFieldErrors?: (errors: FieldErrors) => FieldErrors;
  /** How a field error's message key reads; default `validation.*`, then the key itself. */
  translateField?: (key: string) => string;
  /** Values the form-level message names (e.g. a limit). */
  messageValues?: Record<string, string | number>;
  onSuccess?: (data: T, form: HTMLFormElement | null) => void;
  /** After an error answer from the server (e.g. refresh what may have changed). */
  onError?: (error: ActionError) => void;
};

/**
 * The one way a form talks to the server. It validates with the form's zod schema in the
 * browser (the schema the server action uses), sends, and turns the answer into field errors
 * (message keys, shown translated) and one form-level error that keeps its reference. What the
 * user typed stays: the form is never reset by the hook (React resets a form bound with
 * `action=`, so forms use `onSubmit={form.handleSubmit}`).
 *
 * - `handleSubmit`: for `<form onSubmit>`; sends the form's FormData (with the pressed button's
 *   name and value, e.g. `intent`).
 * - `submit(input, values?)`: for controlled forms and confirmations; `values` (default `input`)
 *   is what the schema checks.
 */
export function useActionForm<S extends z.ZodType, I = FormData, T = unknown>(options: ActionFormOptions<S, I, T>) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [fieldErrorKeys, setFieldErrorKeys] = useState<FieldErrors>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [result, setResult] = useState<{ data: T } | null>(null);
  const translateField = options.translateField;
  // One object per answer (not per render): the error summary moves focus when it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: translateField is a new closure each render; the keys and the locale decide the texts
  const fieldErrors = useMemo(
    () => translateFieldErrors(fieldErrorKeys, translateField ?? ((key) => fieldErrorText(t, key))),
    [fieldErrorKeys, t],
  );

  function check(values: unknown) {
    const checked = checkValues(values, options.schema, options.check);
    setFieldErrorKeys(checked.ok ? {} : checked.fieldErrors);
    return checked;
  }

  /** The schema's output for these values, or null after showing what is wrong. */
  function validate(values: unknown): z.output<S> | null {
    const checked = check(values);
    return checked.ok ? checked.data : null;
  }

  /** A form's data as the server will read it, or null after marking the field the parser refuses. */
  function readForm(form: HTMLFormElement, submitter?: HTMLElement | null) {
    const formData = new FormData(form, submitter instanceof HTMLButtonElement && submitter.name ? submitter : null);
    // The server reads form data through the same parser; its refusals name the field here too.
    const parsed = parseFormData(formData);
    if (parsed.ok) return { formData, values: parsed.value };
    setFieldErrorKeys({ [String(parsed.refusal.path[0] ?? "_form")]: [`errors.input.${parsed.refusal.code}`] });
    return null;
  }

  /** Checks a form's current content without sending it (e.g. before showing a preview). */
  function validateForm(form: HTMLFormElement): z.output<S> | null {
    const read = readForm(form);
    return read ? validate(read.values) : null;
  }

  function submit(input: I, values: unknown = input, form: HTMLFormElement | null = null) {
    setError(null);
    setResult(null);
    if (!check(values).ok) return;
    startTransition(async () => {
      const answer = await options.action(input);
      if (answer.ok) {
        setResult({ data: answer.data });
        options.onSuccess?.(answer.data, form);
        return;
      }
      const fieldErrors = answer.error.fieldErrors ?? {};
      setFieldErrorKeys(options.mapFieldErrors ? options.mapFieldErrors(fieldErrors) : fieldErrors);
      setError({
        messageKey: answer.error.messageKey,
        reference: answer.error.reference,
        values: options.messageValues,
      });
      options.onError?.(answer.error);
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setResult(null);
    const form = event.currentTarget;
    const read = readForm(form, (event.nativeEvent as SubmitEvent).submitter);
    if (read) submit(read.formData as I, read.values, form);
  }

  function clear() {
    setFieldErrorKeys({});
    setError(null);
    setResult(null);
  }

  return {
    handleSubmit,
    submit,
    validate,
    validateForm,
    clear,
    pending,
    /** Field path → translated messages. */
    fieldErrors,
    hasFieldErrors: Object.keys(fieldErrorKeys).length > 0,
    /** The form-level error from the server, for `<ErrorMessage>`. */
    error,
    succeeded: result !== null,
    data: result?.data,
  };
}

"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition } from "react";
import type { z } from "zod/mini";
import type { ActionError, ActionResult, FieldErrors } from "@/lib/actions/action-result";
import { checkValues, type FormSchema } from "@/lib/actions/check-values";
import { fieldErrorText, type ShownError, translateFieldErrors } from "@/lib/actions/error-text";
import { parseFormData } from "@/lib/actions/form-data";
import { useLeaveGuard } from "./use-leave-guard";

/** Where an autosaved draft stands, for <DraftStatus>. */
export type DraftState = "idle" | "saving" | "saved" | "failed" | "conflict";

/** Waiting this long after the last change before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 2500;

export type DraftOptions<I, T> = {
  /** What a draft may hold (the kind's lenient draft schema); sending is checked with `schema`. */
  schema: FormSchema;
  /** The draft as the action's input (intent "draft") and the values the draft schema checks; null when nothing can be saved. */
  read: () => { input: I; values: unknown } | null;
  /** After each draft saved, manually or automatically (e.g. remember its id and token). */
  onSaved: (data: T) => void;
  /**
   * The saved draft's own address: after an autosave the address bar shows it, while the form is
   * still on screen, so a reload opens the draft (Next.js keeps its router in step with replaceState).
   */
  addressOf?: (data: T) => string;
  /**
   * The input brought up to date with the draft saved since it was read (its id and token), so a
   * form sent while an autosave was creating the draft sends that draft rather than a second one.
   */
  latest?: (input: I) => I;
  /** Whether this input saves a draft rather than sending; default: its `intent` is "draft". */
  isDraft?: (input: I) => boolean;
  delayMs?: number;
};

function intentOf(input: unknown) {
  if (input instanceof FormData) return input.get("intent");
  return input && typeof input === "object" ? (input as { intent?: unknown }).intent : undefined;
}

export type ActionFormOptions<S extends FormSchema, I, T> = {
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
  /**
   * The form saves drafts: "save draft" checks only the draft schema, changes are autosaved
   * (`draft.changed()` after each change; saved AUTOSAVE_DELAY_MS after the last one, and at once
   * on `draft.saveNow()`, e.g. on blur, when the page is hidden and when the form leaves the page),
   * and leaving with unsaved changes by a link, a reload or closing the tab asks first
   * (use-leave-guard.ts).
   */
  draft?: DraftOptions<I, T>;
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
 * - `draft`: with the `draft` option, the autosave's state and its triggers (see DraftOptions).
 */
export function useActionForm<S extends FormSchema, I = FormData, T = unknown>(options: ActionFormOptions<S, I, T>) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [fieldErrorKeys, setFieldErrorKeys] = useState<FieldErrors>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [result, setResult] = useState<{ data: T } | null>(null);
  const translateField = options.translateField;
  const latest = useRef(options);
  latest.current = options;
  const autosave = useAutosave(latest, (keys) => setFieldErrorKeys(keys));
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

  /** A draft is checked only against what a draft may hold; the schema applies when it is sent. */
  function checkInput(values: unknown, input: I) {
    if (!isDraftInput(options, input)) return check(values).ok;
    const checked = checkValues(values, options.draft?.schema);
    setFieldErrorKeys(checked.ok ? {} : checked.fieldErrors);
    return checked.ok;
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
    if (!checkInput(values, input)) return;
    const asDraft = isDraftInput(options, input);
    autosave.pause();
    startTransition(async () => {
      // A save under way may create the draft: wait for it, and send as a version of that draft.
      await autosave.idle();
      const answer = await options.action(options.draft?.latest ? options.draft.latest(input) : input);
      if (answer.ok) {
        setResult({ data: answer.data });
        autosave.settled(answer.data, asDraft);
        options.onSuccess?.(answer.data, form);
        return;
      }
      autosave.resume();
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
    /** The autosave (with the `draft` option): its state for <DraftStatus>, and what triggers it. */
    draft: autosave.view,
    succeeded: result !== null,
    data: result?.data,
  };
}

function isDraftInput<I, T>(options: { draft?: DraftOptions<I, T> }, input: I) {
  if (!options.draft) return false;
  return options.draft.isDraft ? options.draft.isDraft(input) : intentOf(input) === "draft";
}

/**
 * The autosave behind `useActionForm`'s `draft` option: one save at a time (a change during a save
 * is saved after it), nothing before the first change, and none once the form has been sent or
 * another tab's save has made this copy stale (the user reloads to continue).
 */
function useAutosave<S extends FormSchema, I, T>(
  latest: { current: ActionFormOptions<S, I, T> },
  showFieldErrors: (keys: FieldErrors) => void,
) {
  const t = useTranslations("drafts");
  const [state, setState] = useState<DraftState>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const run = useRef({ changes: 0, saved: 0, again: false, paused: false, stopped: false });
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** False once the form has left the page: a save finishing later must not change the address bar. */
  const onScreen = useRef(true);
  const enabled = latest.current.draft !== undefined;

  function clearTimer() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  function saveNow(): Promise<void> {
    if (saving.current) {
      if (run.current.changes !== run.current.saved) run.current.again = true;
      return saving.current;
    }
    const done = saveOnce().finally(() => {
      saving.current = null;
    });
    saving.current = done;
    return done;
  }

  async function saveOnce() {
    const draft = latest.current.draft;
    const r = run.current;
    clearTimer();
    if (!draft || r.paused || r.stopped || r.changes === r.saved) return;
    const read = draft.read();
    if (!read) return;
    const checked = checkValues(read.values, draft.schema);
    if (!checked.ok) {
      showFieldErrors(checked.fieldErrors);
      setState("failed");
      return;
    }
    const changes = r.changes;
    setState("saving");
    try {
      // The draft's id and token as last saved, not as the page last rendered them: a save that follows
      // another at once would otherwise carry the token the previous save has just replaced.
      const answer = await latest.current.action(draft.latest ? draft.latest(read.input) : read.input);
      if (answer.ok) {
        r.saved = Math.max(r.saved, changes);
        setDirty(r.changes !== r.saved);
        setSavedAt(new Date());
        setState("saved");
        setError(null);
        draft.onSaved(answer.data);
        const address = draft.addressOf?.(answer.data);
        if (address && onScreen.current && `${window.location.pathname}${window.location.search}` !== address)
          window.history.replaceState(null, "", address);
      } else if (answer.error.code === "conflict") {
        r.stopped = true;
        setState("conflict");
        setError({ messageKey: answer.error.messageKey, reference: answer.error.reference });
      } else {
        if (answer.error.fieldErrors) showFieldErrors(answer.error.fieldErrors);
        setState("failed");
        setError({ messageKey: answer.error.messageKey, reference: answer.error.reference });
      }
    } catch {
      // Offline or the server is gone: the changes stay unsaved and are tried again on the next change.
      setState("failed");
    }
    if (r.again) {
      r.again = false;
      await saveOnce();
    }
  }

  function changed() {
    const r = run.current;
    if (!latest.current.draft || r.stopped) return;
    r.changes++;
    setDirty(true);
    clearTimer();
    if (r.paused) return;
    timer.current = setTimeout(() => void saveNow(), latest.current.draft.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  // Saved when the page is hidden (another tab, the phone's home screen), where it may be closed unseen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: saveNow reads the latest options through refs
  useEffect(() => {
    if (!enabled) return;
    const onHide = () => {
      if (document.visibilityState === "hidden") void saveNow();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      clearTimer();
    };
  }, [enabled]);

  // Saved as the form leaves the page inside the app (the browser's back button, which no Next.js
  // API can stop, or a link followed after the leave question): the unsaved change is read while the
  // form is still attached (a layout effect's cleanup runs before React detaches it) and saved after
  // any save under way, whose ids and token it then uses. Nothing saves after it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on unmount; reads the latest options through refs
  useLayoutEffect(() => {
    onScreen.current = true;
    return () => {
      onScreen.current = false;
      const draft = latest.current.draft;
      const r = run.current;
      if (!draft || r.paused || r.stopped || r.changes === r.saved) return;
      clearTimer();
      const read = draft.read();
      if (!read || !checkValues(read.values, draft.schema).ok) return;
      r.stopped = true;
      r.again = false;
      void (saving.current ?? Promise.resolve())
        .then(() => latest.current.action(draft.latest ? draft.latest(read.input) : read.input))
        .catch(() => undefined);
    };
  }, []);

  useLeaveGuard(enabled && (dirty || state === "saving"), t("leaveConfirm"));

  return {
    /** Resolves when no save is under way. */
    idle: () => saving.current ?? Promise.resolve(),
    /** While the form is being sent or saved by hand: no autosave in between. */
    pause() {
      run.current.paused = true;
      clearTimer();
    },
    resume() {
      run.current.paused = false;
      if (run.current.changes !== run.current.saved) changed();
    },
    /** The form was saved or sent by hand: everything typed so far is stored; a sent one is never autosaved again. */
    settled(data: T, asDraft: boolean) {
      const r = run.current;
      r.saved = r.changes;
      r.paused = false;
      if (!asDraft) r.stopped = true;
      setDirty(false);
      if (asDraft) {
        setSavedAt(new Date());
        setState("saved");
        latest.current.draft?.onSaved(data);
      }
    },
    view: { state, savedAt, dirty, error, changed, saveNow: () => void saveNow() },
  };
}

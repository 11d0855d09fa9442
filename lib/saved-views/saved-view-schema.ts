import { z } from "zod/mini";

/** The lists a view can be saved for, and the page each opens. */
export const SAVED_VIEW_LISTS = { submissions: "/innsendinger", oppdrag: "/oppdrag" } as const;
export type SavedViewList = keyof typeof SAVED_VIEW_LISTS;

export const SAVED_VIEW_NAME_MAX = 60;
/** A filter's query string is far shorter; anything longer is not one of ours. */
export const SAVED_VIEW_QUERY_MAX = 2000;
/** Per user, over all lists. */
export const SAVED_VIEWS_PER_USER_MAX = 20;

/** Saving the current filter under a name (the browser checks the same before sending). */
export const saveViewSchema = z.object({
  list: z.enum(Object.keys(SAVED_VIEW_LISTS) as [SavedViewList, ...SavedViewList[]]),
  name: z
    .string({ error: "required" })
    .check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(SAVED_VIEW_NAME_MAX, { message: "tooLong" })),
  query: z._default(z.string().check(z.maxLength(SAVED_VIEW_QUERY_MAX, { message: "tooLong" })), ""),
});

export const deleteViewSchema = z.object({ viewId: z.uuid() });

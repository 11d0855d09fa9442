"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { deleteViewSchema, SAVED_VIEW_LISTS, saveViewSchema } from "./saved-view-schema";
import { deleteView, saveView } from "./saved-views";

/** Saves the current filter of a list as the caller's own named view. Every role that reads lists may. */
export const saveViewAction = defineAction(
  { name: "saveView", permission: "submission:read", schema: saveViewSchema },
  async (input, { user, db }) => {
    const saved = await db.transaction((tx) => saveView(tx, user, input));
    revalidatePath(SAVED_VIEW_LISTS[input.list]);
    return saved;
  },
);

/** Deletes one of the caller's own saved views. */
export const deleteViewAction = defineAction(
  { name: "deleteView", permission: "submission:read", schema: deleteViewSchema },
  async (input, { user, db }) => {
    const deleted = await db.transaction((tx) => deleteView(tx, user, input.viewId));
    for (const path of Object.values(SAVED_VIEW_LISTS)) revalidatePath(path);
    return deleted;
  },
);

import { z } from "zod";
import { firstValue } from "./search-params";

/**
 * The last page a paged view serves. A view pages by offset (a page of organisations or of
 * organisation-months, counted over all of them), so a page far beyond the data would only make
 * the database skip rows to return nothing.
 */
export const MAX_PAGE = 1000;

/**
 * A page number from the query string (`page=`, `belop=`): a whole number 1…MAX_PAGE, and 1 when
 * absent, repeated (the first counts), or anything else. Never an error: a bad page shows the first.
 */
export const pageNumberSchema = z.preprocess(
  firstValue,
  z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
);

export function parsePageNumber(value: unknown): number {
  return pageNumberSchema.parse(value);
}

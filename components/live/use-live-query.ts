"use client";

import { type QueryKey, useQuery } from "@tanstack/react-query";
import type { z } from "zod";

/*
 * THE live-update mechanism of the UI: TanStack Query polls a route handler built with
 * defineRoute (lib/routes/define-route.ts) and parses its answer with that route's own output
 * schema, so what the browser renders is typed and checked at both ends. Chosen over
 * router.refresh (which re-renders the whole page every few seconds, server work for every open
 * tab) and over polling server actions (POSTs: never cached, and each is a mutation in the
 * authorisation matrix). A view polls only while something on it can still change (`pollMs`
 * returns false once all has settled). Server-rendered pages whose content should stay on the
 * server (the submission detail: payloads, raw bodies, masking by role) poll a small state and
 * re-render when it changes (components/live/live-submission.tsx).
 */
/**
 * A zod schema, classic or `zod/mini`: both parse. A view polled from the app's frame (the bell)
 * uses `zod/mini`, so every page does not carry classic zod (docs/benchmarks.md).
 */
type ParsingSchema = z.core.$ZodType & { parse(data: unknown): unknown };

export function useLiveQuery<S extends ParsingSchema>(options: {
  queryKey: QueryKey;
  /** A GET route handler (or, where each poll records what it learns, a POST one). */
  url: string;
  method?: "GET" | "POST";
  body?: unknown;
  schema: S;
  initial: z.output<S>;
  pollMs: (data: z.output<S>) => number | false;
  enabled?: boolean;
}) {
  const { queryKey, url, method = "GET", body, schema, initial, pollMs, enabled } = options;
  const query = useQuery<z.output<S>>({
    queryKey,
    queryFn: async () => {
      const res = await fetch(url, {
        method,
        cache: "no-store",
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return schema.parse(await res.json()) as z.output<S>;
    },
    initialData: initial,
    enabled,
    refetchInterval: (q) => (q.state.data === undefined ? false : pollMs(q.state.data as z.output<S>)),
  });
  // With initialData the data is always there; TanStack's types lose that through the generic schema.
  return {
    data: (query.data ?? initial) as z.output<S>,
    isError: query.isError,
    isFetching: query.isFetching,
    refetch: query.refetch,
  };
}

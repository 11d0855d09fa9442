import { z } from "zod/mini";

/**
 * The bell's answer (app/api/notifications), checked by the route and parsed again by the bell on
 * every page. In `zod/mini`, a few KB in the browser instead of classic zod's 31 (docs/benchmarks.md).
 */
export const unreadCountSchema = z.object({ unread: z.int().check(z.minimum(0)) });

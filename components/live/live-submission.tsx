"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import {
  livePollInterval,
  type SubmissionLiveState,
  submissionLiveStateSchema,
} from "@/lib/submissions/queries/live-state";
import { useLiveQuery } from "./use-live-query";

/**
 * Keeps a submission's page current while its delivery or feedback is under way: polls its state
 * (app/api/submissions/[id]) and, when that differs from what the page was rendered with,
 * re-renders the page on the server, once per change rather than on every poll.
 */
export function LiveSubmission({ submissionId, rendered }: { submissionId: string; rendered: SubmissionLiveState }) {
  const router = useRouter();
  // A new server render (after a poll saw a change, or after the user's own retry or cancel)
  // starts a new query from what it shows, so polling follows the page as it now stands.
  const renderedKey = JSON.stringify(rendered);
  const { data } = useLiveQuery({
    queryKey: ["submission-live-state", submissionId, renderedKey],
    url: `/api/submissions/${submissionId}`,
    schema: submissionLiveStateSchema,
    initial: rendered,
    pollMs: livePollInterval,
  });
  const changed = JSON.stringify(data) !== renderedKey;
  useEffect(() => {
    if (changed) router.refresh();
  }, [changed, router]);
  return null;
}

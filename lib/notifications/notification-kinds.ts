/**
 * What a notification is about, and who raises it:
 * - amelding_deadline: the deadline scan, two working days before a month's deadline with nothing sent;
 * - submission_rejected: the trigger on submissions, when Skatteetaten rejects one;
 * - feedback_severe: the trigger on amelding_feedback, feedback with Avvisning or Øyeblikkelig;
 * - feedback_overdue: the deadline scan, feedback still awaited after NOTIFICATION_FEEDBACK_OVERDUE_HOURS;
 * - oar_deadline: the deadline scan, an oppdrag not accepted as its 14-day deadline nears;
 * - access_problem: the trigger on submissions (no token from Maskinporten) and the system user
 *   request check (lib/system-users/refresh-requests.ts), a request rejected or timed out;
 * - webhook_disabled: for webhooks turned off after repeated failures (raised by their code);
 * - system_user_revoked: the trigger on organisation_access_health (drizzle/0022_access_health.sql),
 *   once per transition into that state, when Maskinporten no longer issues the system user's token.
 * Stored as text and checked in TypeScript, so a new kind needs no enum migration.
 */
export const NOTIFICATION_KINDS = [
  "amelding_deadline",
  "submission_rejected",
  "feedback_severe",
  "feedback_overdue",
  "oar_deadline",
  "access_problem",
  "webhook_disabled",
  "system_user_revoked",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

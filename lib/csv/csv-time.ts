const osloSeconds = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** `2026-11-20 14:30:05`, Norwegian time: a form spreadsheet programs read as a date and time. */
export function formatCsvTime(instant: Date): string {
  return osloSeconds.format(instant);
}

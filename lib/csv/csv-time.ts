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

const HOUR_MS = 3_600_000;
/** Oslo's offset from UTC in ms, per UTC hour: it only ever changes on a whole UTC hour. */
const offsets = new Map<number, number>();

function osloOffset(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const [date, time] = osloSeconds.format(new Date(hour * HOUR_MS)).split(" ");
    offset = Date.parse(`${date}T${time}Z`) - hour * HOUR_MS;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `2026-11-20 14:30:05`, Norwegian time: a form spreadsheet programs read as a date and time.
 * Exactly what Intl's sv-SE format gives for Europe/Oslo (the test compares them), written from
 * the instant shifted by the hour's offset: Intl costs a few microseconds a call, which was a
 * large part of a CSV export's time (docs/benchmarks.md, "CSV export").
 */
export function formatCsvTime(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) return osloSeconds.format(instant);
  const local = new Date(ms + osloOffset(Math.floor(ms / HOUR_MS)));
  const year = local.getUTCFullYear();
  if (year < 1000 || year > 9999) return osloSeconds.format(instant);
  return `${year}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
}

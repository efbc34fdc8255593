// Dates and times from the injected clock (the domain never reads the clock itself).
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar date of `d` as ISO YYYY-MM-DD. */
export function isoDateOf(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local time of `d` as HH:MM:SS. */
export function isoTimeOf(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

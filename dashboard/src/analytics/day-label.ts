// The analytics count UTC days, so their days are written in UTC whatever the viewer's zone.
const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** "Nov 25", for axes. */
export const shortDay = (day: string): string => short.format(noon(day));
/** "Nov 25, 2026", for tables and sentences. */
export const longDay = (day: string): string => long.format(noon(day));

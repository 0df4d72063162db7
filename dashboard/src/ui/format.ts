/** Dates as operators read them: in their own time zone, to the minute. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : '—';
export const formatDate = (iso: string | null | undefined): string =>
  iso ? date.format(new Date(iso)) : '—';
export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined ? '∞' : n.toLocaleString();

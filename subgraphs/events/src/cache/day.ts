/** The UTC day of a moment, "2026-11-25": the date bucket analytics and loginDays use. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

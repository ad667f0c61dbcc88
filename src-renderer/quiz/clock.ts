/** The time of an attempt as stored in the quiz document (ISO 8601, UTC). */
export const isoNow = (): string => new Date().toISOString();

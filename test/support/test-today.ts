/** The day the suite's answers without an asOf are read on (config TODAY), so they do not move with the calendar. */
export const TEST_TODAY = '2026-12-06';

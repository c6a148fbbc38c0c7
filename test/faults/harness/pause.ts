/** Waits `ms`: the length of a fault or of a load phase, never a wait for a condition. */
export const hold = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

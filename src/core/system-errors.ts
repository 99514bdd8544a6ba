/** What the system's error codes of file operations say about their cause, for messages in every language. */

/**
 * Whether a file could not be replaced for a reason an application holding it open gives: Excel or WPS on Windows
 * keep a workbook or CSV file they show locked (EBUSY, EPERM, EACCES).
 */
export const openElsewhere = (reason: string): boolean => reason === "EBUSY" || reason === "EPERM" || reason === "EACCES";

/** Whether a write failed for want of room: a full disk (ENOSPC) or a user's disk quota used up (EDQUOT). */
export const diskFull = (reason: string | undefined): boolean => reason === "ENOSPC" || reason === "EDQUOT";

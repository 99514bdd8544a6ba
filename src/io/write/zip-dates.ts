/**
 * Fixing the modification dates inside a ZIP file (an .xlsx is one), so the same workbook gives the same bytes: the
 * ZIP writer stamps every entry with the current time.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 1980-01-01 00:00:00, the earliest MS-DOS date: date word `(0 << 9) | (1 << 5) | 1`, time word 0. */
const DOS_DATE = 0x0021;
const DOS_TIME = 0x0000;

/**
 * Sets the date and time of every entry (in the central directory and in each local header) to 1980-01-01 00:00,
 * in place, and returns the bytes. Dates are outside the CRCs, so the archive stays valid.
 * @throws RangeError when the bytes are not a ZIP archive
 */
export function fixZipDates(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) throw new RangeError("fixZipDates requires a ZIP archive: no end of central directory found");
  const entryCount = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let entry = 0; entry < entryCount; entry++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new RangeError(`fixZipDates requires a ZIP archive: bad central header at ${at}`);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new RangeError(`fixZipDates requires a ZIP archive: bad local header at ${local}`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

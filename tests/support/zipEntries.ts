/**
 * Reads the files of a .zip (an .xlsx) with Node's zlib only, so tests can look at the XML Excel
 * will read without a zip package the project does not declare. Handles what exceljs writes:
 * stored or deflated entries, no ZIP64, no encryption.
 */
import { inflateRawSync } from "node:zlib";

export function zipEntries(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("Not a zip file: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("Bad central directory entry");
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    const raw = method === 0 ? data : method === 8 ? inflateRawSync(data) : null;
    if (raw === null) throw new Error(`Unsupported zip method ${method} for ${name}`);
    files.set(name, raw.toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

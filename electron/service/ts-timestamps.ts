/**
 * Shifts every timestamp of an MPEG-TS segment (PES PTS/DTS and adaptation-field PCR) by `offset`
 * ticks of 90 kHz. The demo streams loop a 20 s recording; shifting each pass by the loop's length
 * makes them one continuous live stream with no discontinuity, as a real camera's would be.
 */
const PACKET = 188;
const WRAP = 2 ** 33;

function readTs(b: Buffer, i: number): number {
  return ((b[i]! >> 1) & 0x07) * 2 ** 30 + (((b[i + 1]! << 8) | b[i + 2]!) >> 1) * 2 ** 15 + (((b[i + 3]! << 8) | b[i + 4]!) >> 1);
}

function writeTs(b: Buffer, i: number, value: number): void {
  const v = ((value % WRAP) + WRAP) % WRAP;
  const hi = Math.floor(v / 2 ** 30);
  const mid = Math.floor(v / 2 ** 15) % 2 ** 15;
  const lo = v % 2 ** 15;
  b[i] = (b[i]! & 0xf1) | (hi << 1) | 0x01;
  b[i + 1] = mid >> 7;
  b[i + 2] = ((mid & 0x7f) << 1) | 0x01;
  b[i + 3] = lo >> 7;
  b[i + 4] = ((lo & 0x7f) << 1) | 0x01;
}

export function shiftTimestamps(input: Buffer, offset: number): Buffer {
  const b = Buffer.from(input);
  for (let p = 0; p + PACKET <= b.length; p += PACKET) {
    if (b[p] !== 0x47) continue;
    const payloadStart = (b[p + 1]! & 0x40) !== 0;
    const afc = (b[p + 3]! >> 4) & 0x03;
    let i = p + 4;
    if (afc === 2 || afc === 3) {
      const afLen = b[i]!;
      if (afLen > 0 && (b[i + 1]! & 0x10) !== 0) {
        // PCR: 33-bit base, 6 reserved bits, 9-bit extension.
        const base = b[i + 2]! * 2 ** 25 + b[i + 3]! * 2 ** 17 + b[i + 4]! * 2 ** 9 + b[i + 5]! * 2 + (b[i + 6]! >> 7);
        const v = (((base + offset) % WRAP) + WRAP) % WRAP;
        b[i + 2] = Math.floor(v / 2 ** 25) & 0xff;
        b[i + 3] = Math.floor(v / 2 ** 17) & 0xff;
        b[i + 4] = Math.floor(v / 2 ** 9) & 0xff;
        b[i + 5] = Math.floor(v / 2) & 0xff;
        b[i + 6] = ((v & 1) << 7) | (b[i + 6]! & 0x7f);
      }
      i += 1 + afLen;
    }
    if (!payloadStart || afc === 2 || i + 14 > p + PACKET) continue;
    // A PES header starts here (0x000001 + stream id); PSI tables (PAT/PMT) do not.
    if (b[i] !== 0 || b[i + 1] !== 0 || b[i + 2] !== 1) continue;
    const flags = b[i + 7]! >> 6;
    if (flags & 0x02) writeTs(b, i + 9, readTs(b, i + 9) + offset);
    if (flags === 0x03) writeTs(b, i + 14, readTs(b, i + 14) + offset);
  }
  return b;
}

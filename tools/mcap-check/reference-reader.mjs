// The reference readers (@mcap/core) set up the same way for every check script: chunks decompressed by
// implementations we did not write (fzstd for zstd, lz4js for lz4).
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { decompress as unzstd } from "fzstd";
import lz4 from "lz4js";
import { open, readFile } from "node:fs/promises";

export const decompressHandlers = {
  zstd: (data, size) => unzstd(data, new Uint8Array(Number(size))),
  lz4: (data, size) => Uint8Array.from(lz4.decompress(data, Number(size))),
};

// Opens FILE through its summary and indexes; call close() once its messages are read.
export async function openIndexed(file) {
  const fh = await open(file, "r");
  const readable = {
    size: async () => BigInt((await fh.stat()).size),
    read: async (offset, size) => {
      const buf = new Uint8Array(Number(size));
      await fh.read(buf, 0, Number(size), Number(offset));
      return buf;
    },
  };
  const reader = await McapIndexedReader.Initialize({ readable, decompressHandlers });
  return { reader, close: () => fh.close() };
}

// A record-by-record reader over the whole of FILE, checking every CRC.
export async function openStream(file) {
  const stream = new McapStreamReader({ validateCrcs: true, decompressHandlers });
  stream.append(await readFile(file));
  return stream;
}

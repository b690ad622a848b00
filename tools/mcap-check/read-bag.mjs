// Reads any MCAP file with the reference reader (@mcap/core), chunks decompressed by implementations we did
// not write (fzstd for zstd, lz4js for lz4): once through the summary and indexes (McapIndexedReader), once
// record by record with CRC checks (McapStreamReader). For bags avreplay's McapWriter writes (e.g. lz4 chunks
// through Lz4Frame). Usage: node read-bag.mjs FILE.mcap   (prints a JSON summary; exit 1 on any problem)
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { decompress as unzstd } from "fzstd";
import lz4 from "lz4js";
import { open, readFile } from "node:fs/promises";

const file = process.argv[2];
if (!file) { console.error("usage: node read-bag.mjs FILE.mcap"); process.exit(2); }
const decompressHandlers = {
  zstd: (data, size) => unzstd(data, new Uint8Array(Number(size))),
  lz4: (data, size) => Uint8Array.from(lz4.decompress(data, Number(size))),
};
const problems = [];
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
const topics = {};
for await (const m of reader.readMessages()) {
  const ch = reader.channelsById.get(m.channelId);
  const t = (topics[ch.topic] ??= { messages: 0, bytes: 0 });
  t.messages++;
  t.bytes += m.data.byteLength;
}
await fh.close();
const compressions = {};
for (const c of reader.chunkIndexes) compressions[c.compression] = (compressions[c.compression] ?? 0) + 1;
const stream = new McapStreamReader({ validateCrcs: true, decompressHandlers });
stream.append(await readFile(file));
let streamed = 0;
try {
  let rec;
  while ((rec = stream.nextRecord())) if (rec.type === "Message") streamed++;
} catch (e) { problems.push(`stream: ${e.message}`); }
const indexed = Object.values(topics).reduce((a, t) => a + t.messages, 0);
if (streamed !== indexed) problems.push(`stream read ${streamed} messages, index ${indexed}`);
console.log(JSON.stringify({ file, chunks: compressions, topics, streamedMessages: streamed, problems }, null, 1));
process.exit(problems.length ? 1 : 0);

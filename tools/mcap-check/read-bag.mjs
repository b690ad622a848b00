// Reads any MCAP file with the reference reader (@mcap/core), chunks decompressed by implementations we did
// not write (fzstd for zstd, lz4js for lz4): once through the summary and indexes (McapIndexedReader), once
// record by record with CRC checks (McapStreamReader). For bags avreplay's McapWriter writes (e.g. lz4 chunks
// through Lz4Frame). Usage: node read-bag.mjs FILE.mcap   (prints a JSON summary; exit 1 on any problem)
import { openIndexed, openStream } from "./reference-reader.mjs";

const file = process.argv[2];
if (!file) { console.error("usage: node read-bag.mjs FILE.mcap"); process.exit(2); }
const problems = [];
const { reader, close } = await openIndexed(file);
const topics = {};
for await (const m of reader.readMessages()) {
  const ch = reader.channelsById.get(m.channelId);
  const t = (topics[ch.topic] ??= { messages: 0, bytes: 0 });
  t.messages++;
  t.bytes += m.data.byteLength;
}
await close();
const compressions = {};
for (const c of reader.chunkIndexes) compressions[c.compression] = (compressions[c.compression] ?? 0) + 1;
const stream = await openStream(file);
let streamed = 0;
try {
  let rec;
  while ((rec = stream.nextRecord())) if (rec.type === "Message") streamed++;
} catch (e) { problems.push(`stream: ${e.message}`); }
const indexed = Object.values(topics).reduce((a, t) => a + t.messages, 0);
if (streamed !== indexed) problems.push(`stream read ${streamed} messages, index ${indexed}`);
console.log(JSON.stringify({ file, chunks: compressions, topics, streamedMessages: streamed, problems }, null, 1));
process.exit(problems.length ? 1 : 0);

// Reads an `avreplay export mcap` file with the reference reader (@mcap/core): once through the
// summary and indexes (McapIndexedReader), once record by record with CRC checks (McapStreamReader),
// and checks that every message parses as JSON with its Foxglove schema's required fields.
// Usage: node read-export.mjs FILE.mcap   (prints a JSON summary; exit 1 on any problem)
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { decompress } from "fzstd";
import { open, readFile } from "node:fs/promises";

const file = process.argv[2];
if (!file) { console.error("usage: node read-export.mjs FILE.mcap"); process.exit(2); }
const decompressHandlers = { zstd: (data, size) => decompress(data, new Uint8Array(Number(size))) };
const REQUIRED = {
  "foxglove.PointCloud": ["timestamp", "frame_id", "pose", "point_stride", "fields", "data"],
  "foxglove.CompressedImage": ["timestamp", "frame_id", "data", "format"],
  "foxglove.CameraCalibration": ["timestamp", "frame_id", "width", "height", "distortion_model", "D", "K", "R", "P"],
  "foxglove.FrameTransforms": ["transforms"],
  "foxglove.SceneUpdate": ["deletions", "entities"],
  "foxglove.PosesInFrame": ["timestamp", "frame_id", "poses"],
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
let last = -1n;
for await (const m of reader.readMessages()) {
  const ch = reader.channelsById.get(m.channelId);
  const schema = reader.schemasById.get(ch.schemaId);
  const t = (topics[ch.topic] ??= { schema: `${schema.name} (${schema.encoding}/${ch.messageEncoding})`, messages: 0 });
  t.messages++;
  if (m.logTime < last) problems.push(`${ch.topic}: log time ${m.logTime} before ${last}`);
  last = m.logTime;
  let body;
  try { body = JSON.parse(new TextDecoder().decode(m.data)); } catch (e) { problems.push(`${ch.topic}: not JSON: ${e.message}`); continue; }
  for (const f of REQUIRED[schema.name] ?? []) {
    if (!(f in body)) problems.push(`${ch.topic}: ${schema.name} message lacks ${f}`);
  }
  if (schema.name === "foxglove.PointCloud") {
    const bytes = Buffer.from(body.data, "base64").length;
    if (bytes % body.point_stride !== 0) problems.push(`${ch.topic}: data ${bytes} bytes not a multiple of ${body.point_stride}`);
    t.points = (t.points ?? 0) + bytes / body.point_stride;
  }
}
await fh.close();

const stream = new McapStreamReader({ validateCrcs: true, decompressHandlers });
stream.append(await readFile(file));
const records = {};
let rec;
while ((rec = stream.nextRecord())) records[rec.type] = (records[rec.type] ?? 0) + 1;
if (!stream.done()) problems.push("stream reader did not reach the end magic");

const stats = reader.statistics;
const out = { file, chunks: reader.chunkIndexes.length, statisticsMessages: Number(stats?.messageCount ?? -1),
  schemas: reader.schemasById.size, channels: reader.channelsById.size, topics, streamRecords: records, problems };
console.log(JSON.stringify(out, null, 1));
process.exit(problems.length === 0 ? 0 : 1);

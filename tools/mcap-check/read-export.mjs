// Reads an `avreplay export mcap` file with the reference reader (@mcap/core): once through the
// summary and indexes (McapIndexedReader), once record by record with CRC checks (McapStreamReader),
// and checks that every message parses as JSON with its Foxglove schema's required fields.
// Usage: node read-export.mjs FILE.mcap   (prints a JSON summary; exit 1 on any problem)
import { openIndexed, openStream } from "./reference-reader.mjs";

const file = process.argv[2];
if (!file) { console.error("usage: node read-export.mjs FILE.mcap"); process.exit(2); }
const REQUIRED = {
  "foxglove.PointCloud": ["timestamp", "frame_id", "pose", "point_stride", "fields", "data"],
  "foxglove.CompressedImage": ["timestamp", "frame_id", "data", "format"],
  "foxglove.CameraCalibration": ["timestamp", "frame_id", "width", "height", "distortion_model", "D", "K", "R", "P"],
  "foxglove.FrameTransforms": ["transforms"],
  "foxglove.SceneUpdate": ["deletions", "entities"],
  "foxglove.PosesInFrame": ["timestamp", "frame_id", "poses"],
};
const problems = [];

const { reader, close } = await openIndexed(file);
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
await close();

const stream = await openStream(file);
const records = {};
let rec;
while ((rec = stream.nextRecord())) records[rec.type] = (records[rec.type] ?? 0) + 1;
if (!stream.done()) problems.push("stream reader did not reach the end magic");

const stats = reader.statistics;
const out = { file, chunks: reader.chunkIndexes.length, statisticsMessages: Number(stats?.messageCount ?? -1),
  schemas: reader.schemasById.size, channels: reader.channelsById.size, topics, streamRecords: records, problems };
console.log(JSON.stringify(out, null, 1));
process.exit(problems.length === 0 ? 0 : 1);

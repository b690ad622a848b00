// Writes a small rosbag2-like MCAP with the reference libraries: @mcap/core (container) and
// @foxglove/rosmsg2-serialization (CDR), for avreplay's `import mcap` to read.
// Usage: node write-bag.mjs OUT.mcap               the small drive committed as the test fixture
//        node write-bag.mjs OUT.mcap SWEEPS POINTS  a big bag for `avreplay bench mcap`: SWEEPS clouds of
//                                                   POINTS points (32-byte stride) at 10 Hz with /tf, 4 MiB chunks
import { McapWriter } from "@mcap/core";
import { parse } from "@foxglove/rosmsg";
import { MessageWriter } from "@foxglove/rosmsg2-serialization";
import { open } from "node:fs/promises";
import { deflateSync } from "node:zlib";
import { definition } from "./defs.mjs";

const out = process.argv[2];
if (!out) { console.error("usage: node write-bag.mjs OUT.mcap"); process.exit(2); }

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) { c = (crc ^ b) & 0xff; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; crc = (crc >>> 8) ^ c; }
  return (crc ^ 0xffffffff) >>> 0;
}
function png(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const fh = await open(out, "w");
let pos = 0n;
const writable = { async write(buf) { await fh.write(buf); pos += BigInt(buf.byteLength); }, position() { return pos; } };
const big = process.argv.length > 3;
const writer = new McapWriter({ writable, useChunks: true, chunkSize: big ? 4 << 20 : 4096 });
await writer.start({ profile: "ros2", library: "@mcap/core check" });

const channels = {};
const writers = {};
const seq = {};
async function publish(topic, type, msg, t) {
  if (!(topic in channels)) {
    const text = definition(type);
    const schemaId = await writer.registerSchema({ name: type, encoding: "ros2msg", data: new TextEncoder().encode(text) });
    channels[topic] = await writer.registerChannel({ topic, schemaId, messageEncoding: "cdr", metadata: new Map() });
    writers[topic] = new MessageWriter(parse(text, { ros2: true }));
    seq[topic] = 0;
  }
  await writer.addMessage({ channelId: channels[topic], sequence: seq[topic]++, logTime: t, publishTime: t,
    data: writers[topic].writeMessage(msg) });
}

const T0 = 1_700_000_000n * 1_000_000_000n;
const MS = 1_000_000n;
const stamp = (t) => ({ sec: Number(t / 1_000_000_000n), nanosec: Number(t % 1_000_000_000n) });
const header = (t, frame) => ({ stamp: stamp(t), frame_id: frame });
const quatYaw = (yaw) => ({ x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) });
const tf = (t, parent, child, x, y, z, yaw) => ({ header: header(t, parent), child_frame_id: child,
  transform: { translation: { x, y, z }, rotation: quatYaw(yaw) } });

await publish("/tf_static", "tf2_msgs/msg/TFMessage", { transforms: [tf(T0, "base_link", "velodyne", 1.5, 0, 1.8, Math.PI / 2),
  tf(T0, "base_link", "camera", 2, 0, 1.4, 0)] }, T0);
if (big) {
  const sweeps = Number(process.argv[3]);
  const n = Number(process.argv[4]);
  const field = (name, offset, datatype) => ({ name, offset, datatype, count: 1 });
  const fields = [field("x", 0, 7), field("y", 4, 7), field("z", 8, 7), field("intensity", 16, 7), field("ring", 20, 4),
    field("time", 24, 7)];
  const data = new Uint8Array(n * 32);
  const dv = new DataView(data.buffer);
  for (let k = 0; k < sweeps; k++) {
    const t = T0 + BigInt(k) * 100n * MS;
    await publish("/tf", "tf2_msgs/msg/TFMessage", { transforms: [tf(t, "map", "base_link", k, 0, 0, 0)] }, t);
    for (let j = 0; j < n; j++) {
      const a = (j / n) * 2 * Math.PI;
      dv.setFloat32(j * 32, 20 * Math.cos(a) + k, true); dv.setFloat32(j * 32 + 4, 20 * Math.sin(a), true);
      dv.setFloat32(j * 32 + 8, (j % 64) * 0.05, true); dv.setFloat32(j * 32 + 16, j % 256, true);
      dv.setUint16(j * 32 + 20, j % 64, true); dv.setFloat32(j * 32 + 24, (j / n) * 0.1, true);
    }
    await publish("/points", "sensor_msgs/msg/PointCloud2", { header: header(t + 5n * MS, "velodyne"), height: 1, width: n,
      fields, is_bigendian: false, point_step: 32, row_step: n * 32, data, is_dense: true }, t + 5n * MS);
  }
  await writer.end();
  await fh.close();
  console.log(`wrote ${out}: ${sweeps} sweeps of ${n} points`);
  process.exit(0);
}
const image = png(3, 2);
for (let k = 0; k < 5; k++) {
  const t = T0 + BigInt(k) * 100n * MS;
  const s = t + 5n * MS;
  await publish("/tf", "tf2_msgs/msg/TFMessage", { transforms: [tf(t, "map", "base_link", 2 * k, 0, 0, 0)] }, t);
  // 3 points, 16-byte stride: x y z float32 at 0/4/8, intensity uint8 at 12, ring uint16 at 14
  const data = new Uint8Array(48);
  const dv = new DataView(data.buffer);
  for (let j = 0; j < 3; j++) {
    dv.setFloat32(j * 16, j + k, true); dv.setFloat32(j * 16 + 4, -j, true); dv.setFloat32(j * 16 + 8, 0.5 * j, true);
    dv.setUint8(j * 16 + 12, 10 * j); dv.setUint16(j * 16 + 14, j, true);
  }
  const field = (name, offset, datatype) => ({ name, offset, datatype, count: 1 });
  await publish("/points", "sensor_msgs/msg/PointCloud2", { header: header(s, "velodyne"), height: 1, width: 3,
    fields: [field("x", 0, 7), field("y", 4, 7), field("z", 8, 7), field("intensity", 12, 2), field("ring", 14, 4)],
    is_bigendian: false, point_step: 16, row_step: 48, data, is_dense: true }, s);
  await publish("/camera/image_raw/compressed", "sensor_msgs/msg/CompressedImage", { header: header(s, "camera"),
    format: "png", data: image }, s);
  await publish("/camera/camera_info", "sensor_msgs/msg/CameraInfo", { header: header(s, "camera"), height: 2, width: 3,
    distortion_model: "plumb_bob", d: [0, 0, 0, 0, 0], k: [200, 0, 1.5, 0, 200, 1, 0, 0, 1], r: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    p: [200, 0, 1.5, 0, 0, 200, 1, 0, 0, 0, 1, 0], binning_x: 0, binning_y: 0,
    roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false } }, s);
  await publish("/objects", "vision_msgs/msg/Detection3DArray", { header: header(s, "base_link"), detections: [{
    header: header(s, "base_link"), results: [{ hypothesis: { class_id: "pedestrian", score: 0.8 },
      pose: { pose: { position: { x: 5, y: 1, z: 0.9 }, orientation: quatYaw(0) }, covariance: new Array(36).fill(0) } }],
    bbox: { center: { position: { x: 5, y: 1, z: 0.9 }, orientation: quatYaw(0.2) }, size: { x: 0.6, y: 0.5, z: 1.8 } },
    id: "ped1" }] }, s);
  await publish("/chatter", "std_msgs/msg/String", { data: "hello " + k }, s);
}
await writer.end();
await fh.close();
console.log(`wrote ${out}: ${Object.keys(channels).length} topics`);

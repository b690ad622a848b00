#!/usr/bin/env python3
"""An avreplay exec detector in Python (docs/detector-protocol.md).

Reads request batches from stdin, answers each with one batch on stdout. The "model" here puts one
car box at the ego-frame centroid of the lidar points above 0.3 m; replace `detect` with your network.
Needs pyarrow (pip install pyarrow). Not run in CI; the Java example next to it is.
"""
import sys

import pyarrow as pa

ANSWER = pa.schema(
    [pa.field("request_id", pa.int64(), nullable=False)]
    + [
        pa.field(name, pa.list_(pa.field("item", pa.float64(), nullable=False)), nullable=False)
        for name in ["x", "y", "z", "length", "width", "height", "yaw", "vx", "vy", "score"]
    ]
    + [pa.field("label", pa.list_(pa.field("item", pa.string(), nullable=False)), nullable=False)]
)


def rotate(q, p):
    """Rotate point p by the unit quaternion q = (w, x, y, z)."""
    w, qx, qy, qz = q
    x, y, z = p
    cx, cy, cz = qy * z - qz * y, qz * x - qx * z, qx * y - qy * x
    ccx, ccy, ccz = qy * cz - qz * cy, qz * cx - qx * cz, qx * cy - qy * cx
    return x + 2 * (w * cx + ccx), y + 2 * (w * cy + ccy), z + 2 * (w * cz + ccz)


def detect(batch):
    """Return a list of boxes (x, y, z, l, w, h, yaw, vx, vy, score, label) in the ego frame."""
    rows = batch.to_pylist()
    pts = []
    for r in rows:
        if r["kind"] != "lidar":
            continue
        q = (r["qw"], r["qx"], r["qy"], r["qz"])
        t = (r["tx"], r["ty"], r["tz"])
        for p in zip(r["x"], r["y"], r["z"]):
            e = rotate(q, p)
            e = (e[0] + t[0], e[1] + t[1], e[2] + t[2])
            if e[2] > 0.3:
                pts.append(e)
    if not pts:
        return []
    n = len(pts)
    c = [sum(p[i] for p in pts) / n for i in range(3)]
    return [(c[0], c[1], c[2], 4.5, 1.9, 1.6, 0.0, 0.0, 0.0, 0.9, "car")]


def main():
    reader = pa.ipc.open_stream(sys.stdin.buffer)
    writer = pa.ipc.new_stream(sys.stdout.buffer, ANSWER)
    for batch in reader:
        request_id = batch.column("request_id")[0].as_py()
        boxes = detect(batch)
        columns = {"request_id": [request_id]}
        for i, name in enumerate(["x", "y", "z", "length", "width", "height", "yaw", "vx", "vy", "score", "label"]):
            columns[name] = [[b[i] for b in boxes]]
        writer.write_batch(pa.RecordBatch.from_pydict(columns, schema=ANSWER))
        sys.stdout.buffer.flush()
    writer.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Opens every <table>.parquet of an `avreplay export tables --format parquet` directory with pandas
(engine pyarrow) and, when it is installed, polars, and checks the column names, order and types that
docs/export-formats.md ("Flat tables") documents, and that each table has rows.

Set up once, outside the repository (run by hand, not in CI; nothing here is part of the Maven build):

    python3 -m venv /tmp/pdcheck-venv
    /tmp/pdcheck-venv/bin/pip install -r tools/pandas-check/requirements.txt
    /tmp/pdcheck-venv/bin/python tools/pandas-check/check_parquet.py DIR [--allow-empty TABLE ...]

Prints the versions, then one line per table; a mismatch adds a line naming the file, column, reader,
expected and actual. Exit 0 when everything matches, 1 on any mismatch, 2 on a usage error.
The expected types below are transcribed from docs/export-formats.md, not read off an export.
"""
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

try:
    import polars as pl
except ImportError:  # polars is optional: the pandas check still runs
    pl = None

TS, UTF8, F32, F64, I8, U8, I32, LIST_F64 = (
    "timestamp(ns)", "utf8", "float32", "float64", "int8", "uint8", "int32", "list<float64>")


def cols(spec, kind, nullable=False):
    return [(name, kind, nullable) for name in spec.split()]


# (column, documented type, documented nullable), in the documented order.
TABLES = {
    "points": cols("sensor", UTF8) + cols("timestamp_ns", TS) + cols("x y z intensity", F32)
              + cols("ring", U8) + cols("offset_ns", I32),
    "boxes": cols("timestamp_ns", TS) + cols("track_id category", UTF8)
             + cols("x y z length width height yaw vx vy", F64) + cols("num_lidar_points", I32)
             + cols("attribute", UTF8) + cols("visibility", F32),
    "boxes_2d": cols("camera", UTF8) + cols("timestamp_ns", TS) + cols("track_id category", UTF8)
                + cols("x1 y1 x2 y2", F64) + cols("truncation", F32) + cols("occlusion", I8),
    "poses": cols("timestamp_ns", TS) + cols("qw qx qy qz tx ty tz vx vy vz", F64),
    "calibration": cols("sensor_id kind", UTF8) + cols("qw qx qy qz tx ty tz", F64)
                   + cols("fx fy cx cy", F64, True) + cols("width height", I32, True)
                   + cols("distortion_model", UTF8, True) + cols("distortion_coeffs", LIST_F64, True),
}

ARROW = {TS: pa.timestamp("ns"), UTF8: pa.string(), F32: pa.float32(), F64: pa.float64(), I8: pa.int8(),
         U8: pa.uint8(), I32: pa.int32(), LIST_F64: pa.list_(pa.field("element", pa.float64(), nullable=False))}
NUMPY = {TS: np.dtype("datetime64[ns]"), F32: np.dtype("float32"), F64: np.dtype("float64"),
         I8: np.dtype("int8"), U8: np.dtype("uint8"), I32: np.dtype("int32")}
POLARS = {} if pl is None else {
    TS: pl.Datetime("ns", None), UTF8: pl.String, F32: pl.Float32, F64: pl.Float64, I8: pl.Int8,
    U8: pl.UInt8, I32: pl.Int32, LIST_F64: pl.List(pl.Float64)}


def same_names(spec, got, reader, bad):
    expected = [c for c, _, _ in spec]
    if list(got) != expected:
        bad(None, reader, f"columns {expected}", list(got))


def check_parquet_level(path, spec, bad):
    """The file as pyarrow (pandas' engine) sees it: Arrow schema, REQUIRED columns, logical types, ZSTD."""
    pf = pq.ParquetFile(path)
    schema = pf.schema_arrow
    same_names(spec, schema.names, "pyarrow", bad)
    nulls = {}
    table = pf.read()
    for name, kind, nullable in spec:
        if name not in schema.names:
            continue
        field = schema.field(name)
        if not field.type.equals(ARROW[kind], check_metadata=False) or (
                kind == LIST_F64 and field.type.value_field.nullable):
            bad(name, "pyarrow", ARROW[kind], field.type)
        if field.nullable != nullable:
            bad(name, "parquet", "OPTIONAL" if nullable else "REQUIRED", "OPTIONAL" if field.nullable else "REQUIRED")
        nulls[name] = table.column(name).null_count
        if nulls[name] and not nullable:
            bad(name, "pyarrow", "no nulls", f"{nulls[name]} nulls")
    for i in range(pf.metadata.num_columns):
        col = pf.schema.column(i)
        if col.name == "timestamp_ns":
            lt = col.logical_type.to_json().replace(" ", "")
            if '"isAdjustedToUTC":false' not in lt or '"timeUnit":"nanoseconds"' not in lt:
                bad(col.name, "parquet", "TIMESTAMP(NANOS,isAdjustedToUTC=false)", lt)
        for rg in range(pf.metadata.num_row_groups):
            codec = pf.metadata.row_group(rg).column(i).compression
            if codec != "ZSTD":
                bad(col.path, "parquet", "ZSTD pages", f"{codec} in row group {rg}")
    return pf.metadata.num_rows, nulls


def check_pandas(path, spec, nulls, bad):
    df = pd.read_parquet(path, engine="pyarrow")
    same_names(spec, df.columns, "pandas", bad)
    for name, kind, nullable in [c for c in spec if c[0] in df.columns]:
        got = df[name].dtype
        if kind == UTF8:
            sample = df[name].dropna()
            if not pd.api.types.is_string_dtype(got) or (len(sample) and not isinstance(sample.iloc[0], str)):
                bad(name, "pandas", "a string dtype holding str", got)
        elif kind == LIST_F64:
            for v in df[name].dropna():
                if not isinstance(v, (list, np.ndarray)) or not all(isinstance(e, (float, np.floating)) for e in v):
                    bad(name, "pandas", "each value a list of floats", f"{type(v).__name__} {v!r}")
                    break
        elif kind == I32 and nullable and nulls.get(name) and got == np.dtype("float64"):
            pass  # pandas' NumPy-backed int32 cannot hold null: a nullable int column with nulls reads as float64
        elif got != NUMPY[kind] or getattr(got, "tz", None) is not None:
            bad(name, "pandas", NUMPY[kind], got)
    return len(df)


def check_polars(path, spec, bad):
    df = pl.read_parquet(path)
    same_names(spec, df.columns, "polars", bad)
    for name, kind, _ in spec:
        if name in df.schema and df.schema[name] != POLARS[kind]:
            bad(name, "polars", POLARS[kind], df.schema[name])
    return df.height


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="directory written by `avreplay export tables --format parquet`")
    ap.add_argument("--allow-empty", action="append", default=[], metavar="TABLE",
                    help="a table that may have 0 rows (e.g. boxes_2d of a log without 2D ground truth)")
    args = ap.parse_args()
    if not args.dir.is_dir():
        ap.error(f"not a directory: {args.dir}")

    print(f"pandas {pd.__version__}, pyarrow {pa.__version__}, numpy {np.__version__}, "
          f"polars {pl.__version__ if pl else 'not installed (skipped)'}")
    mismatches = 0
    found = {p.stem: p for p in sorted(args.dir.glob("*.parquet"))}
    for table in [t for t in TABLES if t not in found] + [t for t in found if t not in TABLES]:
        print(f"{table}: MISMATCH {'missing' if table in TABLES else 'not a documented table'}")
        mismatches += 1
    for table, path in found.items():
        if table not in TABLES:
            continue
        spec, problems = TABLES[table], []

        def bad(column, reader, expected, got):
            where = "columns" if column is None else f"column {column}"
            problems.append(f"  {path.name} {where}: {reader} expected {expected}, got {got}")

        counts, nulls = {}, {}
        try:
            counts["pyarrow"], nulls = check_parquet_level(path, spec, bad)
            counts["pandas"] = check_pandas(path, spec, nulls, bad)
            if pl is not None:
                counts["polars"] = check_polars(path, spec, bad)
        except Exception as e:  # a reader that cannot open the file is a finding, not a crash of the check
            problems.append(f"  {path.name}: reading failed after {list(counts) or 'no reader'}: {type(e).__name__}: {e}")
        rows = counts.get("pyarrow")
        if len(set(counts.values())) > 1:
            problems.append(f"  {path.name}: row counts differ {counts}")
        if rows == 0 and table not in args.allow_empty:
            problems.append(f"  {path.name}: 0 rows (pass --allow-empty {table} if the log has none)")
        readers = " ".join(counts)
        print(f"{table}: {'MISMATCH' if problems else 'ok'}, {rows if rows is not None else '?'} rows, {len(spec)} columns ({readers})")
        for p in problems:
            print(p)
        mismatches += len(problems)
    print(f"{mismatches} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

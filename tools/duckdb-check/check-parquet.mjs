// Opens every <table>.parquet of an `avreplay export tables --format parquet` directory with DuckDB,
// installing and loading no extension, and prints each table's column types, row count and first row.
// Usage: npm install && node check-parquet.mjs DIR   (exit 1 when a table is missing or does not open)
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check-parquet.mjs DIR');
  process.exit(2);
}
const tables = ['points', 'boxes', 'boxes_2d', 'poses', 'calibration'];
const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const con = await db.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();

console.log('duckdb', (await rows('SELECT version() AS v'))[0].v);
let problems = 0;
for (const t of tables) {
  const file = join(dir, `${t}.parquet`);
  if (!existsSync(file)) {
    console.log(`${t}: MISSING ${file}`);
    problems++;
    continue;
  }
  const src = `read_parquet('${file.replaceAll("'", "''")}')`;
  const types = (await rows(`DESCRIBE SELECT * FROM ${src}`)).map((c) => `${c.column_name} ${c.column_type}`);
  const n = (await rows(`SELECT count(*) AS n FROM ${src}`))[0].n;
  const first = (await rows(`SELECT * FROM ${src} LIMIT 1`))[0];
  console.log(`${t}: ${n} rows; ${types.join(', ')}`);
  console.log(`  first row: ${JSON.stringify(first)}`);
}
const points = join(dir, 'points.parquet');
if (existsSync(points)) {
  const per = await rows(`SELECT sensor, timestamp_ns, count(*) AS n, round(avg(z), 3) AS mean_z
      FROM read_parquet('${points}') GROUP BY ALL ORDER BY timestamp_ns`);
  console.log('points per sweep:', JSON.stringify(per));
}
const loaded = await rows(`SELECT extension_name FROM duckdb_extensions() WHERE loaded ORDER BY 1`);
console.log('extensions loaded:', loaded.map((e) => e.extension_name).join(' '));
const installed = await rows(`SELECT extension_name FROM duckdb_extensions() WHERE installed AND install_mode <> 'STATICALLY_LINKED'`);
console.log('extensions installed (not built in):', installed.length ? installed.map((e) => e.extension_name).join(' ') : 'none');
process.exit(problems ? 1 : 0);

import { openDatabase } from '../server/src/db/database.ts';
const db = openDatabase(process.argv[2]!);
const sql = process.argv[3]!;
console.log(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ since: '2019-01-01', until: '2026-11-22', knownAt: '9999', version: '9.0', ressort: null, track: null, limit: 201 }).map((r: any) => `${r.id} ${r.parent} ${r.detail}`).join('\n'));

import { PGlite } from '@electric-sql/pglite';
const t=Date.now();
const db = new PGlite();
await db.waitReady;
console.log('ready', Date.now()-t);
console.log((await db.query("select current_user, version()")).rows);
await db.exec("create role kedjan_app nologin; create table a(x int); grant select, insert on a to kedjan_app; set role kedjan_app;");
try { await db.exec("delete from a"); } catch(e) { console.log('err', e.message) }
await db.exec("insert into a values (1)");
console.log((await db.query("select encode(sha256('abc'::bytea),'hex') h, '2024-01-02'::date d, 5::bigint b, now() n")).rows);
const t2=Date.now(); const c = await db.clone(); console.log('clone', Date.now()-t2, (await c.query('select current_user')).rows);

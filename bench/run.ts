/**
 * `npm run bench [-- --size small|large] [--json]`: generates the seeded
 * dataset in a fresh temp folder through the real services, measures the
 * figures of DESIGN.md §3 through the dispatcher as the app calls them, the
 * same operations on the baselines (fsync floor, naive lowdb, SQLite), and
 * the renderer in Chromium. Prints a table, or with --json one JSON object
 * (nothing else goes to stdout; progress goes to stderr). Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Backend } from '../electron/backend';
import { measureFloor, measureNaiveLowdb, measureSqlite, snapshot } from './baselines';
import { sizes, type Dataset, type Size } from './dataset';
import { generateInChildProcess } from './generate';
import { measure, measureSamples, median, percentiles, timed, type Percentiles } from './measure';
import { timedOpen, timedOpenInFreshProcess, type OpenFigures } from './open';
import { measureRenderer } from './renderer';

const { values: args } = parseArgs({
  options: { size: { type: 'string', default: 'small' }, json: { type: 'boolean', default: false } },
});
if (args.size !== 'small' && args.size !== 'large') {
  console.error('--size is small or large');
  process.exit(2);
}
const size: Size = args.size;
const spec = sizes[size];
const runStart = performance.now();
const seconds = () => ((performance.now() - runStart) / 1000).toFixed(1).padStart(6);
const progress = (line: string) => console.error(`${seconds()} s  ${line}`);
const notes: string[] = [];

/** Repetitions: enough for stable percentiles (DESIGN.md §3 bars are p95). */
const WRITES = { warmup: 20, runs: 300 };
const SEARCHES = { warmup: 50, runs: 600 };
const LISTS = { warmup: 10, runs: 100 };
const OPENS = 3;
const EXPORTS = 3;

function machine() {
  let filesystem: string | undefined;
  try {
    // Type and device of the folder the data lives in: fsync costs differ by far between disks.
    const [, line] = execFileSync('df', ['-T', tmpdir()], { encoding: 'utf8' }).trim().split('\n');
    const [device, fsType] = line!.split(/\s+/);
    filesystem = `${fsType} on ${device}`;
  } catch {
    filesystem = undefined;
  }
  const cpuList = cpus();
  return {
    os: `${type()} ${release()}`,
    cpu: cpuList[0]?.model.trim(),
    cpus: cpuList.length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    tmpdir: tmpdir(),
    filesystem,
  };
}

/** Calls an operation as the app does; a refusal stops the benchmark (it would measure an error path). */
function caller(backend: Backend) {
  return async <T = unknown>(operation: string, input: unknown): Promise<T> => {
    const answer = await backend.dispatch(operation, input);
    if (!answer.ok) throw new Error(`${operation} answered ${JSON.stringify(answer.error)}`);
    return answer.data as T;
  };
}

/** A full garbage collection (V8's gc, made reachable at run time rather than by a node flag that npm run would have to pass). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Samples the resident memory of the process while the store is open (the app's working state, not the generation). */
function sampleRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

async function measureOurs(backend: Backend, data: Dataset) {
  const call = caller(backend);
  const operations: Record<string, Percentiles> = {};

  progress('check-ins (durable), each undone untimed before the next');
  // Alternating guests at the 500-guest door event and at the past events (25 guests and 40 orders each at large).
  const door = data.door;
  const past = (index: number) => data.events[(index * 37) % data.events.length]!;
  const checkIns = (eventAt: (index: number) => { id: string; invitationIds: string[] }) => {
    const target = (index: number) => {
      const { id, invitationIds } = eventAt(index);
      return { eventId: id, invitationId: invitationIds[index % invitationIds.length]! };
    };
    return measure(WRITES, (index) => call('checkin.checkIn', target(index)), (index) => call('checkin.undo', target(index)));
  };
  const doorSamples = await checkIns(() => door);
  const pastSamples = await checkIns(past);
  operations['checkin.checkIn (500 guests)'] = doorSamples;
  operations['checkin.checkIn (25 guests, 40 orders)'] = pastSamples;

  progress('contact edits, event creates, order creates, reorder creates, club points');
  operations['contacts.update'] = await measure(WRITES, (index) =>
    call('contacts.update', { id: data.contactIds[(index * 7_919) % data.contactIds.length]!, notes: `Notiz ${index}` }),
  );
  operations['events.create'] = await measure(WRITES, (index) =>
    call('events.create', { title: `Neue Homeparty ${index}`, kind: 'party', startsAt: new Date(Date.now() + (index + 10) * 86_400_000).toISOString() }),
  );
  operations['orders.create'] = await measure(WRITES, (index) => {
    const event = past(index);
    const lines = Array.from({ length: 2 + (index % 2) }, (_, n) => ({ productId: data.productIds[(index * 13 + n * 7) % data.productIds.length]!, quantity: 1 + n }));
    return call('orders.create', { eventId: event.id, contactId: data.contactIds[(index * 104_729) % data.contactIds.length]!, lines });
  });
  // Outside events, by contacts spread over the shards: each rewrites the orders of one shard's contacts.
  operations['orders.create (reorder)'] = await measure(WRITES, (index) => {
    const lines = Array.from({ length: 2 + (index % 2) }, (_, n) => ({ productId: data.productIds[(index * 17 + n * 5) % data.productIds.length]!, quantity: 1 + n }));
    return call('orders.create', { contactId: data.contactIds[(index * 7_907) % data.contactIds.length]!, lines });
  });
  // The club document holds every membership with its points: the largest document a single write rewrites.
  const { ids: memberIds } = await call<{ ids: string[] }>('club.memberIds', { filters: {} });
  operations['club.addPoints'] = await measure(WRITES, (index) =>
    call('club.addPoints', { contactId: memberIds[(index * 37) % memberIds.length]!, kind: 'adjustment', points: 5, reason: `Bonus ${index}` }),
  );

  progress('searches');
  // Prefixes as typed, and phonetic ones: "Meyer" finds Meier, Maier, Mayer; "Schröter" and "Mayr" are misspelt.
  const contactQueries = ['Mül', 'Schm', 'Kö', 'Meyer', 'Schröter', 'Mayr', 'Anna Mei'];
  const searchSamples: number[] = [];
  for (const query of contactQueries) {
    const samples = await measureSamples(
      { warmup: Math.ceil(SEARCHES.warmup / contactQueries.length), runs: Math.ceil(SEARCHES.runs / contactQueries.length) },
      () => call('contacts.search', { query }),
    );
    operations[`contacts.search "${query}"`] = percentiles(samples);
    searchSamples.push(...samples);
  }
  operations['contacts.search'] = percentiles(searchSamples);
  const doorQueries = ['m', 'mü', 'mül', 'müll', 's', 'sc', 'sch', 'schr', 'schrö', 'meyer', 'anna', 'anna m'];
  operations['checkin.search (500 guests)'] = await measure(SEARCHES, (index) =>
    call('checkin.search', { eventId: door.id, query: doorQueries[index % doorQueries.length] }),
  );

  progress(`member list: filter and sort at ${spec.members} members`);
  // The same view again (back to the list, scrolling on) may come from a cache; a new filter each call may not.
  const byName = [{ column: 'lastName', direction: 'asc' }];
  const memberViews: Record<string, (index: number) => object> = {
    'club.members by name, first page': () => ({ sort: byName, offset: 0 }),
    'club.members by points, page 10': () => ({ sort: [{ column: 'points', direction: 'desc' }], offset: 1_800 }),
    'club.members new filter each call (tier, postcode)': (index) => ({
      filters: { tiers: [['Bronze', 'Silber'][index % 2]!], place: String(10 + (index % 90)) },
      sort: index % 4 < 2 ? byName : [{ column: 'points', direction: 'desc' }],
      offset: 0,
    }),
  };
  for (const [name, view] of Object.entries(memberViews)) {
    operations[name] = await measure(LISTS, (index) => call('club.members', { ...view(index), limit: 200 }));
  }

  progress(`exports of ${spec.members} members: XLSX and Excel CSV`);
  const exportTimes = async (format: 'xlsx' | 'csv-excel-de') => {
    const times: number[] = [];
    for (let run = 0; run < EXPORTS; run++) {
      const { ms, result } = await timed(() => call<{ count: number }>('exports.create', { format, view: {} }));
      if (result.count !== spec.members) throw new Error(`the export held ${result.count} of ${spec.members} members`);
      times.push(ms);
    }
    return times;
  };
  const xlsx = await exportTimes('xlsx');
  const csv = await exportTimes('csv-excel-de');
  return { operations, xlsx, csv };
}

const dataDir = await mkdtemp(join(tmpdir(), `kk-bench-${size}-`));
try {
  progress(`generating the ${size} dataset in ${dataDir}`);
  const { ms: generationMs, result: data } = await timed(() => generateInChildProcess(dataDir, size));
  progress(`generated in ${(generationMs / 1000).toFixed(1)} s: ${JSON.stringify(data.counts)}`);

  // The first open of a day: the daily backup is due (it is made after ready, while the app answers): measured apart.
  const daily = await timedOpen(dataDir).then(async ({ backend: opened, figures }) => {
    await opened.close();
    return { figures };
  });
  // As the app starts: a fresh process, its code not yet optimised (the file cache is warm, as after the generation).
  const fresh: OpenFigures[] = [];
  for (let run = 0; run < OPENS; run++) fresh.push(await timedOpenInFreshProcess(dataDir));
  // Again in this process, warm; the last one stays open for the measurements.
  // Only the figures of a closed open are kept: its store must not stay on the heap the memory figures measure.
  const warm: OpenFigures[] = [];
  let backend: Backend | undefined;
  for (let run = 0; run < OPENS; run++) {
    await backend?.close();
    const opened = await timedOpen(dataDir);
    warm.push(opened.figures);
    backend = opened.backend;
  }
  const readyTimes = (opens: OpenFigures[]) => opens.map((opened) => opened.ready).join(', ');
  progress(`open: ${readyTimes(fresh)} ms in a fresh process, ${readyTimes(warm)} ms warm; with the daily backup ${daily.figures.ready} ms`);
  if (!backend) throw new Error('no open');
  // What the earlier opens left on the heap is collected first, so that the memory figures are the open store's.
  collectGarbage();
  const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  const stopRss = sampleRss();
  const ours = await measureOurs(backend, data);
  const rssMb = stopRss();
  // The baselines get the same data (with what the measurements added), read through the app's operations.
  const baselineData = await snapshot(backend.dispatch);
  await backend.close();

  progress('baseline: fsync floor');
  const floor = await measureFloor();
  progress('baseline: naive lowdb (one file, rewritten durably on each check-in)');
  const naive = await measureNaiveLowdb(baselineData, data.door.id, size === 'large' ? 15 : 50);
  progress('baseline: SQLite');
  const sqlite = await measureSqlite(baselineData, data.door.id, { writes: WRITES.runs });
  if ('skipped' in sqlite) notes.push(`SQLite baseline skipped: ${sqlite.skipped}`);

  progress('renderer: door keystroke and member list scroll in Chromium');
  const renderer = await measureRenderer({ dataDir, doorEventId: data.door.id, size });
  if ('skipped' in renderer) notes.push(`Renderer figures skipped: ${renderer.skipped}`);

  const { operations } = ours;
  const checkinSamples = [operations['checkin.checkIn (500 guests)']!, operations['checkin.checkIn (25 guests, 40 orders)']!];
  const writes = ['contacts.update', 'events.create', 'orders.create', 'orders.create (reorder)', 'club.addPoints'].map((name) => operations[name]!);
  const sqliteFigures = 'skipped' in sqlite ? undefined : sqlite;
  const metrics = {
    open_ms: median(fresh.map((opened) => opened.ready)),
    open_to_first_search_ms: median(fresh.map((opened) => opened.firstSearch)),
    open_to_first_member_list_ms: median(fresh.map((opened) => opened.firstMemberList)),
    open_warm_ms: median(warm.map((opened) => opened.ready)),
    open_with_daily_backup_ms: daily.figures.ready,
    checkin_p50_ms: Math.max(...checkinSamples.map((entry) => entry.p50)),
    checkin_p95_ms: Math.max(...checkinSamples.map((entry) => entry.p95)),
    write_p95_ms: Math.max(...[...checkinSamples, ...writes].map((entry) => entry.p95)),
    search_p95_ms: operations['contacts.search']!.p95,
    door_search_p95_ms: operations['checkin.search (500 guests)']!.p95,
    member_list_p95_ms: Math.max(...Object.entries(operations).filter(([name]) => name.startsWith('club.members')).map(([, entry]) => entry.p95)),
    xlsx_10k_ms: median(ours.xlsx),
    csv_10k_ms: median(ours.csv),
    door_keystroke_ms: 'skipped' in renderer ? null : renderer.doorKeystrokeMs.p95,
    member_scroll_longest_task_ms: 'skipped' in renderer ? null : renderer.memberScroll.longestMs,
    rss_mb: rssMb,
    heap_after_open_mb: heapMb,
  };
  const baselines = {
    floor_fsync_p50_ms: floor.fsync.p50,
    floor_fsync_p95_ms: floor.fsync.p95,
    floor_overwrite_fdatasync_p50_ms: floor.overwriteInPlace.p50,
    floor_rename_dir_fsync_p50_ms: floor.renameAndDirFsync.p50,
    floor_rename_dir_fsync_p95_ms: floor.renameAndDirFsync.p95,
    naive_lowdb_checkin_p50_ms: naive.checkin.p50,
    naive_lowdb_checkin_p95_ms: naive.checkin.p95,
    naive_lowdb_checkin_samples: naive.checkin.samples,
    naive_lowdb_file_mb: naive.fileMb,
    sqlite_checkin_p50_ms: sqliteFigures?.checkin.p50 ?? null,
    sqlite_checkin_p95_ms: sqliteFigures?.checkin.p95 ?? null,
    sqlite_contact_edit_p50_ms: sqliteFigures?.contactEdit.p50 ?? null,
    sqlite_contact_edit_p95_ms: sqliteFigures?.contactEdit.p95 ?? null,
    sqlite_event_create_p50_ms: sqliteFigures?.eventCreate.p50 ?? null,
    sqlite_event_create_p95_ms: sqliteFigures?.eventCreate.p95 ?? null,
    sqlite_order_create_p50_ms: sqliteFigures?.orderCreate.p50 ?? null,
    sqlite_order_create_p95_ms: sqliteFigures?.orderCreate.p95 ?? null,
    sqlite_load_ms: sqliteFigures?.loadMs ?? null,
  };
  const bar = (value: number | null, limit: number) => ({ value, bar: limit, holds: value === null ? null : value <= limit });
  const bars = {
    checkin_p95_ms: bar(metrics.checkin_p95_ms, 5),
    write_p95_ms: bar(metrics.write_p95_ms, 50),
    open_ms: bar(metrics.open_ms, 1_500),
    search_p95_ms: bar(metrics.search_p95_ms, 5),
    xlsx_10k_ms: bar(metrics.xlsx_10k_ms, 3_000),
    door_keystroke_ms: bar(metrics.door_keystroke_ms, 50),
  };
  if (size === 'small') {
    notes.push(`small: the member list and the exports use the ${spec.members} members the small dataset has (xlsx_10k_ms and csv_10k_ms are for ${spec.members}); the bars are meant for large.`);
  }
  notes.push(
    'open_ms: median of 3 opens, each in a fresh process as the app starts (modules loaded before the clock starts; the file cache is warm after the generation), no backup due. open_warm_ms: the same again in the benchmark process. open_with_daily_backup_ms: the first open of a day (in the benchmark process), when the daily backup is due; it is made after ready, in the background.',
    'rss_mb: peak resident memory of the benchmark process, sampled every 25 ms from the measurements start (after a full garbage collection) until they end; the dataset was generated in a child process, so this process held only the open folder (and the earlier opens of it).',
    'naive lowdb writes the whole database as one JSON file durably (temp file, fsync, rename, fsync of the folder), exactly as durable as our store.',
  );
  const result = {
    size,
    machine: machine(),
    dataset: { ...data.counts, generation_ms: generationMs },
    metrics,
    baselines,
    bars,
    operations,
    exports: { xlsx_ms: ours.xlsx, csv_excel_de_ms: ours.csv, members: spec.members },
    opens: { fresh_process: fresh, warm, daily_backup: daily.figures },
    renderer,
    total_ms: Math.round(performance.now() - runStart),
    notes,
  };
  progress('done');
  if (args.json) console.log(JSON.stringify(result, null, 2));
  else console.log(table(result));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

type Result = {
  size: Size;
  machine: ReturnType<typeof machine>;
  dataset: Record<string, number>;
  metrics: Record<string, number | null>;
  baselines: Record<string, number | null>;
  bars: Record<string, { value: number | null; bar: number; holds: boolean | null }>;
  operations: Record<string, Percentiles>;
  total_ms: number;
  notes: string[];
};

/** The human-readable report: each figure, its bar, whether it holds, and its ratio to the floor and to SQLite. */
function table({ size, machine: host, dataset, metrics, baselines, bars, operations, total_ms, notes: remarks }: Result): string {
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(2));
  const ratio = (value: number | null | undefined, base: number | null | undefined) => (value == null || base == null || base === 0 ? '–' : `${(value / base).toFixed(1)}×`);
  const barOf = (key: string) => (bars[key] ? `≤ ${bars[key].bar}` : '');
  const holds = (key: string) => (bars[key] ? (bars[key].holds === null ? '–' : bars[key].holds ? 'yes' : 'NO') : '');
  const floor = baselines.floor_fsync_p50_ms!;
  const rows: string[][] = [];
  const row = (name: string, value: number | null | undefined, key = '', sqlite: number | null | undefined = null, vsFloor = false) =>
    rows.push([name, number(value), barOf(key), holds(key), vsFloor ? ratio(value, floor) : '', sqlite == null ? '' : number(sqlite), sqlite == null ? '' : ratio(value, sqlite)]);
  const op = (name: string) => operations[name]!;

  row('open: ready, fresh process', metrics.open_ms!, 'open_ms');
  row('open: first contact search answered', metrics.open_to_first_search_ms!);
  row('open: first member list answered', metrics.open_to_first_member_list_ms!);
  row('open: ready, warm (in-process)', metrics.open_warm_ms!);
  row('open with the daily backup (warm)', metrics.open_with_daily_backup_ms!);
  row('check-in durable p50', metrics.checkin_p50_ms!, '', baselines.sqlite_checkin_p50_ms, true);
  row('check-in durable p95', metrics.checkin_p95_ms!, 'checkin_p95_ms', baselines.sqlite_checkin_p95_ms, true);
  for (const name of ['checkin.checkIn (500 guests)', 'checkin.checkIn (25 guests, 40 orders)']) row(`  ${name} p95`, op(name).p95, '', null, true);
  row('contact edit p50', op('contacts.update').p50, '', baselines.sqlite_contact_edit_p50_ms, true);
  row('contact edit p95', op('contacts.update').p95, '', baselines.sqlite_contact_edit_p95_ms, true);
  row('event create p50', op('events.create').p50, '', baselines.sqlite_event_create_p50_ms, true);
  row('event create p95', op('events.create').p95, '', baselines.sqlite_event_create_p95_ms, true);
  row('order create p50', op('orders.create').p50, '', baselines.sqlite_order_create_p50_ms, true);
  row('order create p95', op('orders.create').p95, '', baselines.sqlite_order_create_p95_ms, true);
  row('reorder create p50', op('orders.create (reorder)').p50, '', baselines.sqlite_order_create_p50_ms, true);
  row('reorder create p95', op('orders.create (reorder)').p95, '', baselines.sqlite_order_create_p95_ms, true);
  row(`club points of a member (${dataset.members} in the club) p50`, op('club.addPoints').p50, '', null, true);
  row(`club points of a member (${dataset.members} in the club) p95`, op('club.addPoints').p95, '', null, true);
  row('any write p95', metrics.write_p95_ms!, 'write_p95_ms');
  row('contact search p50', op('contacts.search').p50);
  row('contact search p95', metrics.search_p95_ms!, 'search_p95_ms');
  for (const name of Object.keys(operations).filter((entry) => entry.startsWith('contacts.search "'))) row(`  ${name} p95`, op(name).p95);
  row('door search (500 guests) p95', metrics.door_search_p95_ms!);
  for (const name of Object.keys(operations).filter((entry) => entry.startsWith('club.members'))) row(`${name} p95`, op(name).p95);
  row(`XLSX of ${dataset.members} members`, metrics.xlsx_10k_ms!, 'xlsx_10k_ms');
  row(`Excel CSV of ${dataset.members} members`, metrics.csv_10k_ms!);
  row('door keystroke to results p95 (Chromium)', metrics.door_keystroke_ms, 'door_keystroke_ms');
  row('member list scroll: longest task', metrics.member_scroll_longest_task_ms);
  row('peak RSS while open (MB)', metrics.rss_mb!);
  row('JS heap after open (MB)', metrics.heap_after_open_mb!);
  row('naive lowdb check-in p50', baselines.naive_lowdb_checkin_p50_ms!, '', baselines.sqlite_checkin_p50_ms, true);
  row('floor: write + fsync p50', floor);
  row('floor: overwrite in place + fdatasync p50', baselines.floor_overwrite_fdatasync_p50_ms!, '', null, true);
  row('floor: temp + fsync + rename + dir fsync p50', baselines.floor_rename_dir_fsync_p50_ms!, '', null, true);

  const header = ['figure (ms unless said)', 'ours', 'bar', 'holds', '× floor', 'SQLite', '× SQLite'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    `Kundenkreis benchmark, ${size}: ${Object.entries(dataset).map(([key, value]) => `${key} ${value}`).join(', ')}`,
    `${host.cpus} × ${host.cpu}, ${host.memory_gb} GB, ${host.os}, Node ${host.node}, ${host.filesystem ?? host.tmpdir}`,
    '',
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
    '',
    `× floor: to one small file written and fsynced (${number(floor)} ms at p50). Total run ${(total_ms / 1000).toFixed(0)} s.`,
    ...remarks.map((remark) => `Note: ${remark}`),
  ].join('\n');
}

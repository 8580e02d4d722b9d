// Runs every benchmark in turn (what `npm run bench` starts) and reprints the summaries
// together at the end, so one run gives the figures for bench/README.md.
//
//   npm run bench -- [--db sqlite|postgres|both]
import { cpus } from 'node:os';
import { main as mailIngest, printMailSummary } from './mail-ingest.bench.ts';
import { main as notificationCascade, printCascadeSummary } from './notification-cascade.bench.ts';
import { main as notificationFanout, printFanoutSummary } from './notification-fanout.bench.ts';
import { printQueueSummary, main as queues } from './queue.bench.ts';
import { printSearchSummary, main as searchBench } from './search.bench.ts';
import { printSlaSummary, main as slaCheck } from './sla-check.bench.ts';
import { printCreateSummary, main as ticketCreate } from './ticket-create.bench.ts';

const argv = process.argv.slice(2);
const started = Date.now();
// Sequential on purpose: the benchmarks would otherwise compete for the same cores.
const created = await ticketCreate(argv);
const queued = await queues(argv);
const sla = await slaCheck(argv);
const mail = await mailIngest(argv);
const cascade = await notificationCascade(argv);
const fanout = await notificationFanout(argv);
const searched = await searchBench(argv);

process.stdout.write(
  `\n==== Summary · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · Node ${process.version} ====\n`,
);
printCreateSummary(created);
printQueueSummary(queued);
printSlaSummary(sla);
printMailSummary(mail);
printCascadeSummary(cascade);
printFanoutSummary(fanout);
printSearchSummary(searched);
process.stdout.write(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

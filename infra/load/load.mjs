// parkflow load test: replays the filing rush (draft, eleven 1 MB PDFs, submit) and the reviewers' reads against a
// running parkflow (the embedded default, the compose stack, a staging server) — the reads with autocannon — and prints per call
// p50 / p95 / max, filings per second and errors. Usage: see README ("Load test") or `node load.mjs --help`.
import autocannon from 'autocannon';

const DOCUMENTS = ['APPLICATION_FORM', 'BUSINESS_LICENSE', 'SITE_PROOF', 'AUDIT_REPORT', 'FUND_EVIDENCE', 'STAFF_LIST', 'TENANT_LIST',
  'INCUBATION_AGREEMENT', 'MANAGEMENT_RULES', 'SITE_PLAN', 'CREDIT_COMMITMENT'];

function options(argv) {
  const o = {
    url: 'http://localhost:8080', scenario: 'all', connections: 32, duration: 120, rate: 0, readers: 8, readRate: 0,
    operator: 'applicant1:demo', creditCode: '91320100MA1X2Y3W4U', city: '320100', reviewer: 'nanjing:demo', province: 'province:demo',
    megabytes: 1,
  };
  for (let i = 2; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, '').split('=');
    if (key === 'help') { o.help = true; continue; }
    if (!(key in o)) throw new Error('unknown option --' + key);
    const value = inline !== undefined ? inline : argv[++i];
    o[key] = typeof o[key] === 'number' ? Number(value) : value;
  }
  return o;
}

const o = options(process.argv);
if (o.help) {
  console.log(`node load.mjs [--url http://host:port] [--scenario all|filing|reads] [--duration s]
  filing rush: [--connections 32] [--rate filings-calls/s, 0 = as fast as answered] [--operator user:password]
               [--creditCode the operator's credit code] [--city its division code] [--megabytes 1]
  reads:       [--readers 8 connections over five calls] [--readRate calls/s, 0 = as fast as answered]
               [--reviewer city-user:password] [--province user:password]`);
  process.exit(0);
}

const basic = credentials => 'Basic ' + Buffer.from(credentials).toString('base64');

/** A PDF the server accepts (it decides by the bytes), padded to the size wanted. */
function pdf(size) {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'ascii');
  const bytes = Buffer.alloc(size, 0x20);
  head.copy(bytes);
  return bytes;
}

/** Latencies by call, from autocannon's response events (a connection's current request is the one just answered). */
function recorder() {
  const calls = new Map();
  return {
    record(name, ms, ok) {
      if (!calls.has(name)) calls.set(name, { ms: [], errors: 0 });
      const c = calls.get(name);
      c.ms.push(ms);
      if (!ok) c.errors++;
    },
    rows() {
      return [...calls.entries()].map(([name, c]) => {
        const s = c.ms.slice().sort((a, b) => a - b);
        const at = p => s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)];
        return { name, samples: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1], errors: c.errors };
      });
    },
  };
}

function track(instance, stats, name, expected) {
  instance.on('response', (client, status, bytes, ms) => stats.record(name, ms, status === expected));
}

/**
 * The filing rush, as operators' browsers do it: each of --connections clients creates a draft, uploads the eleven
 * documents and submits, again and again, for --duration seconds (--rate caps the calls per second over all clients).
 * A scripted client (Node's fetch), not an autocannon request sequence: autocannon's sequences lose their place when
 * the server closes a keep-alive connection (Tomcat does after 100 requests), and every later answer is then
 * attributed to the wrong call.
 */
async function filingRush(stats) {
  const file = pdf(Math.round(o.megabytes * 1024 * 1024));
  const headers = { authorization: basic(o.operator), 'x-requested-with': 'XMLHttpRequest', accept: 'application/json' };
  const end = Date.now() + o.duration * 1000;
  const gap = o.rate > 0 ? 1000 * o.connections / o.rate : 0; // each client's pause between calls at the chosen rate
  let serial = 0;
  async function call(name, expected, path, init) {
    const started = performance.now();
    let status = 0;
    let body = '';
    try {
      const response = await fetch(o.url + path, { ...init, headers: { ...headers, ...(init.headers || {}) } });
      status = response.status;
      body = await response.text();
    } catch (error) {
      if (process.env.LOAD_DEBUG) console.error(name, error.message);
    }
    stats.record(name, performance.now() - started, status === expected);
    if (status !== expected && process.env.LOAD_DEBUG) console.error(name, status, body.slice(0, 200));
    if (gap) await new Promise(resolve => setTimeout(resolve, gap));
    return status === expected ? JSON.parse(body) : null;
  }
  async function client() {
    while (Date.now() < end) {
      const draft = await call('create draft', 201, '/api/applications', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'INCUBATOR', level: 'PROVINCIAL', carrierName: '负载测试孵化器' + process.pid + '-' + (++serial) + '-' + Date.now(),
          operatorName: '负载测试运营机构', creditCode: o.creditCode, city: o.city, industries: ['CELL_GENE'], address: '负载测试路1号',
          indicators: { operatingYears: 4, statisticsYears: 3, incubationArea: 12000, tenantAreaShare: 0.8, seedFund: 6000000,
            fundedTenantShare: 0.15, fundUseCases: 4, staffCount: 20, professionalStaffShare: 0.85, mentorCount: 12, tenantCount: 60,
            patentTenantShare: 0.55, validIpTenantShare: 0.4, graduatedCount: 25, specialised: false },
        }) });
      if (!draft) continue;
      let uploaded = 0;
      for (const type of DOCUMENTS) {
        const form = new FormData();
        form.append('type', type);
        form.append('file', new Blob([file], { type: 'application/pdf' }), type.toLowerCase() + '.pdf');
        uploaded += (await call('upload ' + o.megabytes + ' MB PDF', 201, `/api/applications/${draft.id}/documents`, { method: 'POST', body: form })) ? 1 : 0;
      }
      if (uploaded === DOCUMENTS.length) {
        await call('submit', 202, `/api/applications/${draft.id}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      }
    }
  }
  await Promise.all(Array.from({ length: o.connections }, client));
}

/** The reviewers' reads, one autocannon run per call (so that each answer is counted for its own call), side by side. */
function reads(stats) {
  const as = credentials => ({ authorization: basic(credentials), 'x-requested-with': 'XMLHttpRequest', accept: 'application/json' });
  const calls = [
    ['Tasklist list (reviewer)', `/engine-rest/task?candidateGroup=city-${o.city}&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15`, o.reviewer],
    ['Tasklist count (reviewer)', `/engine-rest/task/count?candidateGroup=city-${o.city}`, o.reviewer],
    ['GET /api/applications (city)', `/api/applications?city=${o.city}&size=20`, o.reviewer],
    ['GET /api/dashboard (province)', '/api/dashboard', o.province],
    ['registry search by city', `/api/registry/carriers?city=${o.city}&size=20`, o.reviewer],
  ];
  const each = Math.max(1, Math.round(o.readers / calls.length));
  return calls.map(([name, path, credentials]) => {
    const instance = autocannon({ url: o.url + path, connections: each, duration: o.duration, timeout: 60, headers: as(credentials),
      overallRate: o.readRate ? Math.max(1, Math.round(o.readRate / calls.length)) : undefined });
    track(instance, stats, name, 200);
    return instance;
  });
}

const stats = recorder();
const started = Date.now();
const runs = [];
if (o.scenario === 'all' || o.scenario === 'filing') runs.push(filingRush(stats));
if (o.scenario === 'all' || o.scenario === 'reads') runs.push(...reads(stats));
await Promise.all(runs);
const seconds = (Date.now() - started) / 1000;
const rows = stats.rows();
const submits = rows.find(r => r.name === 'submit');
console.log(`\n=== parkflow load test: ${o.url}, ${o.scenario}, ${seconds.toFixed(0)} s ===`);
if (submits) console.log(`${submits.samples} filings submitted (${(submits.samples / seconds).toFixed(2)} per second)`);
console.log('operation'.padEnd(40) + 'samples'.padStart(9) + 'p50 ms'.padStart(10) + 'p95 ms'.padStart(10) + 'max ms'.padStart(10) + 'errors'.padStart(8));
for (const r of rows) {
  console.log(r.name.padEnd(40) + String(r.samples).padStart(9) + r.p50.toFixed(1).padStart(10) + r.p95.toFixed(1).padStart(10)
    + r.max.toFixed(1).padStart(10) + String(r.errors).padStart(8));
}
process.exitCode = rows.some(r => r.errors > 0) ? 1 : 0;

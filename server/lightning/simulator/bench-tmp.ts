import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authenticatedLndGrpc, createInvoice, getInvoices, pay } from 'ln-service';
import { startLndSimulator } from './index';
(async () => {
  for (const withDir of [false, true]) {
    const dir = withDir ? fs.mkdtempSync(path.join(os.tmpdir(), 'lnd-bench-')) : undefined;
    const sim = await startLndSimulator({ dir });
    const { lnd } = authenticatedLndGrpc({
      cert: sim.certBase64,
      macaroon: sim.macaroonBase64,
      socket: sim.host,
    });
    const N = 1000,
      C = 50;
    let t = Date.now();
    const reqs: string[] = [];
    for (let i = 0; i < N; i += C) {
      const batch = await Promise.all(
        Array.from({ length: C }, (_, k) =>
          createInvoice({ lnd, tokens: 10 + k, description: `p${i + k}` }),
        ),
      );
      reqs.push(...batch.map((b) => b.request));
    }
    const tc = Date.now() - t;
    t = Date.now();
    for (let i = 0; i < N; i += C)
      await Promise.all(reqs.slice(i, i + C).map((request) => pay({ lnd, request })));
    const tp = Date.now() - t;
    console.log(
      `${withDir ? 'dir' : 'mem'}: createInvoice ${Math.round((N * 1000) / tc)}/s, pay ${Math.round((N * 1000) / tp)}/s`,
    );
    // paging
    let page = await getInvoices({ lnd, limit: 300 });
    let total = page.invoices.length;
    let pages = 1;
    while (page.next) {
      page = await getInvoices({ lnd, token: page.next });
      total += page.invoices.length;
      pages++;
    }
    console.log('paged', total, 'in', pages, 'pages');
    const pend = await getInvoices({ lnd, is_unconfirmed: true });
    console.log('pending', pend.invoices.length);
    await sim.stop();
    if (dir) {
      console.log(
        'log lines',
        fs.readFileSync(path.join(dir, 'invoices.jsonl'), 'utf8').split('\n').length - 1,
      );
      const again = await startLndSimulator({ dir });
      console.log('restart ok');
      await again.stop();
      console.log(
        'compacted lines',
        fs.readFileSync(path.join(dir, 'invoices.jsonl'), 'utf8').split('\n').length - 1,
      );
      fs.rmSync(dir, { recursive: true });
    }
  }
  process.exit(0);
})().catch((e) => {
  console.error('ERR', e);
  process.exit(1);
});

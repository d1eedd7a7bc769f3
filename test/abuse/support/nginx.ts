import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from '../../../db/free-port';

const run = promisify(execFile);
const DOCS_CONF = path.resolve(__dirname, '../../../docs/nginx.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface RunningNginx {
  /** `https://127.0.0.1:PORT`, the TLS site of docs/nginx.conf. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Runs Debian's nginx with docs/nginx.conf as written, except: its ports (443 -> a free port,
 * 80 -> another), the upstream (127.0.0.1:3000 -> `upstreamPort`) and a self-signed
 * certificate made here with openssl. Everything lives in a temporary folder.
 */
export async function startNginx(upstreamPort: number): Promise<RunningNginx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-nginx-'));
  const [port, plainPort] = [await findFreePort(), await findFreePort()];
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=board.example',
    '-addext',
    'subjectAltName=DNS:board.example,IP:127.0.0.1',
    '-keyout',
    path.join(dir, 'privkey.pem'),
    '-out',
    path.join(dir, 'fullchain.pem'),
  ]);
  const site = renderSite(await readFile(DOCS_CONF, 'utf8'), {
    port,
    plainPort,
    upstreamPort,
    certDir: dir,
  });
  await writeFile(path.join(dir, 'site.conf'), site);
  for (const temp of ['body', 'proxy']) await mkdir(path.join(dir, temp));
  const asRoot = process.getuid?.() === 0;
  await writeFile(
    path.join(dir, 'nginx.conf'),
    [
      asRoot ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 8192; }',
      'http {',
      `  access_log off;`,
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/proxy; uwsgi_temp_path ${dir}/proxy; scgi_temp_path ${dir}/proxy;`,
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForTls(port, child);
  } catch (error) {
    const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`nginx did not start: ${String(error)}\n${log}`);
  }
  return { url: `https://127.0.0.1:${port}`, port, stop };
}

/** docs/nginx.conf with the test's ports, upstream and certificate; fails if a line moved. */
export function renderSite(
  conf: string,
  at: { port: number; plainPort: number; upstreamPort: number; certDir: string },
): string {
  const swaps: Array<[RegExp, string]> = [
    [/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${at.upstreamPort};`],
    [/listen 80;/, `listen 127.0.0.1:${at.plainPort};`],
    [/listen \[::\]:80;\n/, ''],
    [/listen 443 ssl;/, `listen 127.0.0.1:${at.port} ssl;`],
    [/listen \[::\]:443 ssl;\n/, ''],
    [/\/etc\/letsencrypt\/live\/board\.example\//g, `${at.certDir}/`],
  ];
  let site = conf;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(site)) throw new Error(`docs/nginx.conf no longer has ${pattern}`);
    site = site.replace(pattern, replacement);
  }
  return site;
}

async function waitForTls(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      await request(`https://127.0.0.1:${port}/api/health`, { localAddress: '127.0.0.1' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * An HTTPS request to the proxy from a chosen loopback address (127.0.0.2, 127.0.0.3...: on
 * Linux the whole 127/8 answers), so nginx sees different clients.
 */
export function request(
  url: string,
  options: {
    localAddress: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers: options.headers,
        localAddress: options.localAddress,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

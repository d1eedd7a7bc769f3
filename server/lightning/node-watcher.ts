import type { Logger } from 'pino';
import { NodeError, type LightningNode, type NodeAccess } from './lightning-node';
import { SIMULATOR_ALIAS } from './simulator-identity';

/** How the node looks from here: ready, or why not. */
export type NodeState = 'ready' | 'unreachable' | 'locked' | 'starting' | 'permission_denied';

export interface NodeReport {
  state: NodeState;
  /** One sentence for the operator when not ready. */
  reason?: string;
}

/** The one lncli line that bakes the least-privilege macaroon the app needs. */
export const BAKE_MACAROON_LINE =
  'lncli bakemacaroon invoices:read invoices:write --save_to boltboard.macaroon';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
const PING_TIMEOUT_MS = 2_000;

/**
 * What the app knows about its node, learned at start and retried until the node answers
 * (it may be starting, locked or away): its network, whether it is the simulator, and whether
 * the macaroon grants what the app needs. Works with an invoices-only macaroon: the network
 * then comes from LND_NETWORK or from the first invoice the node issues.
 */
export class NodeWatcher {
  network: string;
  simulated: boolean;
  private report: NodeReport = { state: 'unreachable', reason: 'not asked yet' };
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly lightning: LightningNode,
    private readonly options: { builtInSimulator: boolean; configuredNetwork: string | undefined },
    private readonly log: Logger,
  ) {
    this.network = options.configuredNetwork ?? (options.builtInSimulator ? 'regtest' : 'unknown');
    this.simulated = options.builtInSimulator;
  }

  /** Learns about the node now, then keeps retrying in the background until it has. */
  async start(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    const attempt = async () => {
      if (this.stopped) return;
      if (await this.learn()) return;
      this.timer = setTimeout(() => void attempt(), retryMs);
      this.timer.unref();
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
    await attempt();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The network from an invoice the node issued, when nothing better is known. */
  noteInvoice(paymentRequest: string): void {
    if (this.network !== 'unknown') return;
    const network = networkOfPaymentRequest(paymentRequest);
    if (network) this.network = network;
  }

  /** Asks the node now (a call an invoices-only macaroon allows), within a short timeout. */
  async check(): Promise<NodeReport> {
    if (this.report.state === 'permission_denied') return this.report;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<NodeReport>((resolve) => {
      timer = setTimeout(
        () => resolve({ state: 'unreachable', reason: 'the node did not answer in time' }),
        PING_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([
        this.lightning.ping().then(
          (): NodeReport => ({ state: 'ready' }),
          (error: unknown) => reportOf(error),
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async learn(): Promise<boolean> {
    let access: NodeAccess;
    try {
      access = await this.lightning.checkAccess();
    } catch (error) {
      this.setReport(reportOf(error));
      return false;
    }
    const missing = [
      access.invoicesRead ? null : 'invoices:read',
      access.invoicesWrite ? null : 'invoices:write',
    ].filter((permission) => permission !== null);
    if (missing.length > 0) {
      this.setReport({
        state: 'permission_denied',
        reason: `The macaroon lacks ${missing.join(' and ')}; bake one with: ${BAKE_MACAROON_LINE}`,
      });
      return false;
    }
    if (access.infoRead) {
      try {
        const identity = await this.lightning.describe();
        if (this.options.configuredNetwork === undefined) this.network = identity.network;
        this.simulated ||= identity.alias === SIMULATOR_ALIAS && identity.network === 'regtest';
      } catch (error) {
        this.setReport(reportOf(error));
        return false;
      }
    }
    this.setReport({ state: 'ready' });
    this.log.info(
      { network: this.network, simulated: this.simulated, infoRead: access.infoRead },
      'Lightning node ready',
    );
    return true;
  }

  private setReport(report: NodeReport): void {
    const changed = report.state !== this.report.state || report.reason !== this.report.reason;
    this.report = report;
    if (changed && report.state !== 'ready') {
      this.log[report.state === 'permission_denied' ? 'error' : 'warn'](
        { state: report.state },
        `Lightning node not ready: ${report.reason}`,
      );
    }
  }
}

function reportOf(error: unknown): NodeReport {
  const problem = error instanceof NodeError ? error.problem : 'rejected';
  const reason = error instanceof Error ? error.message : String(error);
  switch (problem) {
    case 'locked':
      return { state: 'locked', reason: 'the wallet is locked: unlock it with `lncli unlock`' };
    case 'starting':
      return { state: 'starting', reason: 'the node is still starting' };
    case 'permission_denied':
      return { state: 'permission_denied', reason: `the macaroon is refused: ${reason}` };
    default:
      if (/certificate|altnames|self[- ]signed/i.test(reason)) {
        return {
          state: 'unreachable',
          reason: `the node's TLS certificate is not trusted (${reason}): set LND_CERT to its current tls.cert, or trust its CA (NODE_EXTRA_CA_CERTS)`,
        };
      }
      return { state: 'unreachable', reason };
  }
}

/** The network a BOLT11 request is for, from its human-readable prefix. */
export function networkOfPaymentRequest(request: string): string | undefined {
  const prefix = /^ln([a-z]+?)(\d|$)/i.exec(request.toLowerCase())?.[1];
  const byPrefix: Record<string, string> = {
    bc: 'mainnet',
    tb: 'testnet',
    tbs: 'signet',
    bcrt: 'regtest',
    sb: 'simnet',
  };
  return prefix ? byPrefix[prefix] : undefined;
}

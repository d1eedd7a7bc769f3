// Macaroon scopes through ln-service, as LND v0.20 enforces them: each RPC needs one permission,
// and a refusal is a plain Go error (gRPC code 2 UNKNOWN, "permission denied").
import {
  cancelHodlInvoice,
  createInvoice,
  getInvoice,
  getInvoices,
  getWalletInfo,
  pay,
  subscribeToInvoices,
  type AuthenticatedLnd,
} from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLndSimulator, type LndSimulator } from './index';
import { addIndexOf, connect, rejectionOf } from './simulator-test-support';

type Operation =
  | 'getWalletInfo'
  | 'createInvoice'
  | 'getInvoice'
  | 'getInvoices'
  | 'subscribeToInvoices'
  | 'cancelHodlInvoice'
  | 'pay';

/** The name ln-service puts second in the array it rejects with when LND refuses the call. */
const LN_SERVICE_ERROR: Record<Operation, string> = {
  getWalletInfo: 'GetWalletInfoErr',
  createInvoice: 'AddInvoiceError',
  getInvoice: 'UnexpectedLookupInvoiceErr',
  getInvoices: 'UnexpectedGetInvoicesError',
  subscribeToInvoices: 'UnexpectedInvoiceSubscriptionError',
  cancelHodlInvoice: 'UnexpectedErrorCancelingHodlInvoice',
  pay: 'UnexpectedPaymentError',
};

const OPERATIONS = Object.keys(LN_SERVICE_ERROR) as Operation[];

/** Runs `operation` with `lnd` against a fresh invoice made with the admin macaroon. */
async function run(operation: Operation, lnd: AuthenticatedLnd, admin: AuthenticatedLnd) {
  const fixture = await createInvoice({ lnd: admin, tokens: 1, description: operation });
  switch (operation) {
    case 'getWalletInfo':
      return getWalletInfo({ lnd });
    case 'createInvoice':
      return createInvoice({ lnd, tokens: 1 });
    case 'getInvoice':
      return getInvoice({ lnd, id: fixture.id });
    case 'getInvoices':
      return getInvoices({ lnd, limit: 1 });
    case 'cancelHodlInvoice':
      return cancelHodlInvoice({ lnd, id: fixture.id }).then(() => 'canceled');
    case 'pay':
      return pay({ lnd, request: fixture.request });
    case 'subscribeToInvoices': {
      // Replays the fixture when allowed (added_after its index - 1), emits error when refused.
      const index = await addIndexOf(admin, fixture.id);
      const sub = subscribeToInvoices({ lnd, added_after: index - 1, restart_delay_ms: 60_000 });
      try {
        return await new Promise((resolve, reject) => {
          sub.on('invoice_updated', resolve);
          sub.on('error', reject);
        });
      } finally {
        sub.removeAllListeners();
      }
    }
  }
}

describe('macaroon permissions, as LND checks them', () => {
  let sim: LndSimulator;
  let admin: AuthenticatedLnd;

  beforeAll(async () => {
    sim = await startLndSimulator({});
    admin = connect(sim);
  });
  afterAll(() => sim.stop());

  const cases: Array<{ macaroon: string; mac: () => string; allowed: Operation[] }> = [
    { macaroon: 'admin.macaroon', mac: () => sim.macaroonBase64, allowed: OPERATIONS },
    {
      macaroon: 'invoice.macaroon',
      mac: () => sim.invoiceMacaroonBase64,
      allowed: [
        'createInvoice',
        'getInvoice',
        'getInvoices',
        'subscribeToInvoices',
        'cancelHodlInvoice',
      ],
    },
    {
      macaroon: 'readonly.macaroon',
      mac: () => sim.readonlyMacaroonBase64,
      allowed: ['getWalletInfo', 'getInvoice', 'getInvoices', 'subscribeToInvoices'],
    },
    {
      macaroon: 'baked invoices:read',
      mac: () => sim.bakeMacaroon(['invoices:read']).toString('base64'),
      allowed: ['getInvoice', 'getInvoices', 'subscribeToInvoices'],
    },
    {
      macaroon: 'baked uri:/lnrpc.Lightning/GetInfo',
      mac: () => sim.bakeMacaroon(['uri:/lnrpc.Lightning/GetInfo']).toString('base64'),
      allowed: ['getWalletInfo'],
    },
    {
      macaroon: 'baked offchain:write',
      mac: () => sim.bakeMacaroon(['offchain:write']).toString('base64'),
      allowed: ['pay'],
    },
  ];

  for (const { macaroon, mac, allowed } of cases) {
    it(`${macaroon}: allows ${allowed.join(', ')}; refuses the rest with "permission denied"`, async () => {
      const lnd = connect(sim, mac());
      for (const operation of OPERATIONS) {
        const outcome = run(operation, lnd, admin);
        if (allowed.includes(operation)) {
          await expect(outcome, operation).resolves.toBeDefined();
        } else {
          expect(await rejectionOf(outcome), operation).toMatchObject([
            503,
            LN_SERVICE_ERROR[operation],
            { err: { code: 2, details: 'permission denied' } },
          ]);
        }
      }
    });
  }

  it("refuses another node's macaroon with LND's signature mismatch", async () => {
    const other = await startLndSimulator({});
    try {
      const lnd = connect(sim, other.macaroonBase64);
      expect(await rejectionOf(getWalletInfo({ lnd }))).toMatchObject([
        503,
        'GetWalletInfoErr',
        {
          err: {
            code: 2,
            details: 'verification failed: signature mismatch after caveat verification',
          },
        },
      ]);
    } finally {
      await other.stop();
    }
  });

  it('refuses to bake permissions LND does not know', () => {
    expect(() => sim.bakeMacaroon(['invoices:delete'])).toThrow('invalid permission action');
    expect(() => sim.bakeMacaroon(['wallet:read'])).toThrow('invalid permission entity');
    expect(() => sim.bakeMacaroon([])).toThrow();
  });
});

// The permission each served RPC requires, copied from LND's permission maps
// (rpcserver.go MainRPCServerPermissions, invoicesrpc and routerrpc RequiredPermissions).
import type { Permission } from './macaroon';

/** Full gRPC method path -> permissions a macaroon must grant to call it. */
export const METHOD_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  '/lnrpc.Lightning/GetInfo': ['info:read'],
  '/lnrpc.Lightning/AddInvoice': ['invoices:write'],
  '/lnrpc.Lightning/LookupInvoice': ['invoices:read'],
  '/lnrpc.Lightning/ListInvoices': ['invoices:read'],
  '/lnrpc.Lightning/SubscribeInvoices': ['invoices:read'],
  '/lnrpc.Lightning/SendPaymentSync': ['offchain:write'],
  '/lnrpc.Lightning/ListChannels': ['offchain:read'],
  '/lnrpc.Lightning/ChannelBalance': ['offchain:read'],
  '/lnrpc.Lightning/ListPayments': ['offchain:read'],
  '/lnrpc.Lightning/DecodePayReq': ['offchain:read'],
  '/invoicesrpc.Invoices/CancelInvoice': ['invoices:write'],
  '/invoicesrpc.Invoices/LookupInvoiceV2': ['invoices:write'],
  '/invoicesrpc.Invoices/SubscribeSingleInvoice': ['invoices:read'],
  '/invoicesrpc.Invoices/AddHoldInvoice': ['invoices:write'],
  '/invoicesrpc.Invoices/SettleInvoice': ['invoices:write'],
  '/routerrpc.Router/SendPaymentV2': ['offchain:write'],
  '/routerrpc.Router/TrackPaymentV2': ['offchain:read'],
};

/**
 * Permissions needed for `fullMethod`; methods the simulator does not list need any valid
 * macaroon (they answer UNIMPLEMENTED after the check anyway).
 */
export function requiredPermissions(fullMethod: string): readonly Permission[] {
  return METHOD_PERMISSIONS[fullMethod] ?? [];
}

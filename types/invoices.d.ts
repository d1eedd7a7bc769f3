// The parts of `invoices` (BOLT11 encoding, no bundled types) that Boltboard uses.
declare module 'invoices' {
  export interface ParsedPaymentRequest {
    id: string;
    network: string;
    destination: string;
    description?: string;
    tokens?: number;
    mtokens?: string;
    expires_at: string;
    created_at: string;
    is_expired: boolean;
  }
  export function parsePaymentRequest(args: { request: string }): ParsedPaymentRequest;
}

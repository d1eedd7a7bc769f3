/**
 * The lndconnect URI a node dashboard exports (`lndconnect://host:port?cert=...&macaroon=...`):
 * the certificate's DER and the macaroon's bytes, base64url. No `cert` for a CA-signed node.
 */
export function lndconnectUri(node: {
  grpcHost: string;
  certPem?: string;
  macaroon: Buffer;
}): string {
  const query = new URLSearchParams();
  if (node.certPem) query.set('cert', derOfPem(node.certPem).toString('base64url'));
  query.set('macaroon', node.macaroon.toString('base64url'));
  return `lndconnect://${node.grpcHost}?${query.toString()}`;
}

function derOfPem(pem: string): Buffer {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!body) throw new Error('not a PEM certificate');
  return Buffer.from(body[1].replace(/\s+/g, ''), 'base64');
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLndCredential } from './lnd-credential';

describe('readLndCredential', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lnd-credential-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const macaroonBytes = Buffer.from([0x02, 0x01, 0x03, 0x6c, 0x6e, 0x64, 0xff, 0x00]);
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const file = (name: string, content: Buffer | string) => {
    const filePath = path.join(dir, name);
    writeFileSync(filePath, content);
    return filePath;
  };

  it.each([
    ['a binary file (macaroon)', () => file('admin.macaroon', macaroonBytes), macaroonBytes],
    ['a PEM file (certificate)', () => file('tls.cert', pem), Buffer.from(pem)],
    ['hex, either case', () => macaroonBytes.toString('hex').toUpperCase(), macaroonBytes],
    ['base64, as given', () => macaroonBytes.toString('base64'), macaroonBytes],
    ['base64 of a PEM, as given', () => Buffer.from(pem).toString('base64'), Buffer.from(pem)],
  ])('reads %s as base64', (_form, value, bytes) => {
    expect(readLndCredential(value())).toBe(bytes.toString('base64'));
  });

  it('reads a file again on each call (a rotated certificate is picked up)', () => {
    const filePath = file('rotating.cert', 'old');
    expect(readLndCredential(filePath)).toBe(Buffer.from('old').toString('base64'));
    writeFileSync(filePath, 'new');
    expect(readLndCredential(filePath)).toBe(Buffer.from('new').toString('base64'));
  });

  it('takes odd-length hex-looking text as base64, not hex', () => {
    expect(readLndCredential('abc')).toBe('abc');
  });
});

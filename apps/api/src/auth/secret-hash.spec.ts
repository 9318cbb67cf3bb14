import { DECOY_HASH, hashSecret, sha256, verifySecret } from './secret-hash';

describe('secret hashing (scrypt)', () => {
  it('verifies the secret it hashed and nothing else', async () => {
    const stored = await hashSecret('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifySecret('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifySecret('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(verifySecret('', stored)).resolves.toBe(false);
  });

  it('salts: the same secret hashes differently each time, and neither contains it', async () => {
    const [a, b] = await Promise.all([hashSecret('same secret'), hashSecret('same secret')]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same secret');
  });

  it('refuses malformed or foreign hashes instead of throwing', async () => {
    await expect(verifySecret('x', 'plain-text')).resolves.toBe(false);
    await expect(verifySecret('x', 'bcrypt$10$abc')).resolves.toBe(false);
  });

  it('has a decoy hash that no secret matches', async () => {
    await expect(verifySecret('admin', DECOY_HASH)).resolves.toBe(false);
  });

  it('digests tokens with sha256 (base64url)', () => {
    expect(sha256('token')).toBe('PEaenWxYddN6Q_NT1PiOYfz4EsZu7jRXRlpAsNpBU-A');
  });
});

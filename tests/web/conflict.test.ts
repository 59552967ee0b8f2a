import { describe, expect, it } from 'vitest';
import { differingKeys, rebase } from '../../web/shared/conflict.js';
import { newSubmissionKey } from '../../web/shared/submissionKey.js';

describe('rebase (the user\'s entries on top of the newest version)', () => {
  const base = { phone: '', address: 'Jl. Lama 1', notes: '', services: ['information'] };
  const latest = { phone: '+6281211112222', address: 'Jl. Lama 1', notes: '', services: ['information', 'registration'] };

  it('keeps the fields the user changed and takes every other field from the newest version', () => {
    const mine = { ...base, address: 'Jl. Baru 2' };
    expect(rebase(base, mine, latest)).toEqual({ phone: '+6281211112222', address: 'Jl. Baru 2', notes: '', services: ['information', 'registration'] });
  });

  it('lets the user\'s value win in a field both changed, and compares lists by value', () => {
    const mine = { ...base, phone: '0366 91234', services: ['information'] };
    expect(rebase(base, mine, latest)).toEqual({ ...latest, phone: '0366 91234' });
  });

  it('lists the fields that differ, in the order asked', () => {
    expect(differingKeys(base, latest, ['notes', 'services', 'phone', 'address'])).toEqual(['services', 'phone']);
  });
});

describe('newSubmissionKey', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes a UUID v4 that the server accepts as an Idempotency-Key, different each time', () => {
    const keys = new Set(Array.from({ length: 50 }, newSubmissionKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(UUID_V4);
  });

  it('still makes a UUID v4 where crypto.randomUUID is missing (plain HTTP on a LAN is not a secure context)', () => {
    const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      expect(newSubmissionKey()).toMatch(UUID_V4);
    } finally {
      if (own) Object.defineProperty(crypto, 'randomUUID', own);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});

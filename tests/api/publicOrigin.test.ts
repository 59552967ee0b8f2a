import { describe, expect, it } from 'vitest';
import { publicOrigin } from '../../server/http/publicOrigin.js';
import { HttpError } from '../../server/errors.js';

describe('publicOrigin (the address printed in QR codes)', () => {
  it.each([
    ['https://jangkau.banglikab.go.id', 'https://jangkau.banglikab.go.id'],
    ['https://jangkau.banglikab.go.id/', 'https://jangkau.banglikab.go.id'],
    ['https://dinas.example.id/jangkau/?x=1#y', 'https://dinas.example.id/jangkau'],
  ])('uses the configured %s as %s whatever the Host says', (configured, expected) => {
    expect(publicOrigin(configured, 'http://evil.example/api/x', 'evil.example')).toBe(expected);
  });

  it.each([
    ['jangkau.example.id', 'http://x/api', 'http://jangkau.example.id'],
    ['localhost:8787', 'http://x/api', 'http://localhost:8787'],
    ['127.0.0.1:43123', 'http://x/api', 'http://127.0.0.1:43123'],
    ['Jangkau.Example.ID', 'https://x/api', 'https://jangkau.example.id'],
  ])('takes a plain Host %s from the request', (host, url, expected) => {
    expect(publicOrigin(null, url, host)).toBe(expected);
  });

  it.each([undefined, '', 'evil.example@jangkau.id', 'jangkau.id/phish', 'jangkau.id:80:80', 'a b', 'jangkau.id?q=1', '[::1]:8787', `${'a'.repeat(64)}.id`])(
    'refuses the Host %j with a 400 naming Host',
    (host) => {
      let err: unknown;
      try {
        publicOrigin(null, 'http://x/api', host);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HttpError);
      expect((err as HttpError).status).toBe(400);
      expect((err as HttpError).field).toBe('Host');
    },
  );
});

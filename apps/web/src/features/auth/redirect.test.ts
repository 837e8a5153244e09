import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it('keeps same-site paths with query and hash', () => {
    expect(safeNextPath('/profil?tab=2#x')).toBe('/profil?tab=2#x');
  });

  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', null])(
    'rejects %s as an open redirect and falls back to the start page',
    (raw) => {
      expect(safeNextPath(raw)).toBe('/');
    },
  );

  it('never sends someone back to the login page itself', () => {
    expect(safeNextPath('/login?next=%2Fprofil')).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('carries the current path as next', () => {
    expect(loginPathFor('/verwaltung?x=1')).toBe('/login?next=%2Fverwaltung%3Fx%3D1');
  });

  it('leaves next out for the start page', () => {
    expect(loginPathFor('/')).toBe('/login');
  });
});

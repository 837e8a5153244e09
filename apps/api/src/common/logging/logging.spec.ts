import { describe, expect, it } from '@jest/globals';
import { scrubUrl } from './logging.js';

describe('scrubUrl', () => {
  it('removes invitation tokens from paths', () => {
    expect(scrubUrl('/api/invitations/AbC_dEf-123456789012345678901234567890/accept')).toBe('/api/invitations/[redacted]/accept');
  });

  it('keeps invitation ids (UUIDs) visible', () => {
    expect(scrubUrl('/api/invitations/6f1c2d3e-1111-4222-8333-944455556666')).toBe('/api/invitations/6f1c2d3e-1111-4222-8333-944455556666');
  });

  it('removes calendar feed tokens and token query parameters', () => {
    expect(scrubUrl('/api/calendar/feed/secret123')).toBe('/api/calendar/feed/[redacted]');
    expect(scrubUrl('/x?token=abc&y=1')).toBe('/x?token=[redacted]&y=1');
  });

  it('leaves ordinary URLs alone', () => {
    expect(scrubUrl('/api/users/me?limit=5')).toBe('/api/users/me?limit=5');
    expect(scrubUrl(undefined)).toBe('');
  });
});

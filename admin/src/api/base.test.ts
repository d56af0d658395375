import { afterEach, describe, expect, it } from 'vitest';
import { appBase, appUrl } from './base';
import { evidenceUrl } from './upload';

function setBase(content: string | null) {
  document.head.querySelector('meta[name="pantau-base"]')?.remove();
  if (content === null) return;
  const m = document.createElement('meta');
  m.setAttribute('name', 'pantau-base');
  m.setAttribute('content', content);
  document.head.appendChild(m);
}

afterEach(() => setBase(null));

describe('PANTAU_BASE_PATH in the SPA', () => {
  it('without the server meta (dev server, tests) everything is at the root', () => {
    expect(appBase()).toBe('/');
    expect(appUrl('/graphql')).toBe('/graphql');
    expect(evidenceUrl(5)).toBe('/api/evidence/5');
  });

  it('under /pantau/ every server address gets the prefix; full URLs and protocol-relative ones stay', () => {
    setBase('/pantau/');
    expect(appBase()).toBe('/pantau/');
    expect(appUrl('/graphql')).toBe('/pantau/graphql');
    expect(appUrl('/api/submissions/3/lke.xlsx')).toBe('/pantau/api/submissions/3/lke.xlsx');
    expect(evidenceUrl(5, { revision: 2 })).toBe('/pantau/api/evidence/5/revisions/2');
    expect(evidenceUrl(5, { inline: true })).toBe('/pantau/api/evidence/5?inline=1');
    expect(appUrl('https://example.go.id/x')).toBe('https://example.go.id/x');
    expect(appUrl('//evil.example/x')).toBe('//evil.example/x');
  });

  it('a malformed meta value is ignored (the root)', () => {
    setBase('javascript:alert(1)');
    expect(appBase()).toBe('/');
    setBase('/pantau');
    expect(appBase()).toBe('/');
  });
});

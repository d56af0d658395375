/**
 * Where the SPA and its API live: "/" or PANTAU_BASE_PATH + "/" (e.g. "/pantau/"). The server writes it into
 * index.html as <meta name="pantau-base">; without it (vite dev server, unit tests) the root.
 */
export function appBase(): string {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="pantau-base"]');
  const v = meta?.getAttribute('content') ?? '/';
  return /^\/([A-Za-z0-9._~-]+\/)*$/.test(v) ? v : '/';
}

/** A server address ("/graphql", "/api/…", "/survei/…") under the base path; other addresses stay as they are. */
export function appUrl(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') ? appBase().slice(0, -1) + path : path;
}

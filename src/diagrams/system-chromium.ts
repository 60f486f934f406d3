/**
 * Flags for a system Chromium (Debian's, here), shared by everything that starts one: the diagram
 * renderer, the e2e suite and the benchmark. Root needs --no-sandbox; the rest stop it from dialling
 * out to Google's services, which a closed network refuses (noisy and slow).
 */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

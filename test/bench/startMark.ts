/**
 * Preloaded (node -r) before a benchmark child's script: records when Node has finished booting,
 * so "ready" times include loading and compiling our code but not Node's own start-up, which is
 * the same for every approach (about 130 ms on this machine).
 */
(globalThis as { __hanziGlossStart?: number }).__hanziGlossStart = performance.now();

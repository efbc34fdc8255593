// The pane runs under the server's Content Security Policy, which allows no eval: zod is told not to
// compile its parsers with `new Function` (it would only probe, be refused and report a violation).
// zod keeps its settings on `globalThis.__zod_globalConfig`, read when it loads, so they are set here
// without loading zod itself: zod comes with the chunks that parse, after the first page. Imported
// first by the entries.
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};

// The pane runs under the server's Content Security Policy, which allows no eval: zod is told not to
// compile its parsers with `new Function` (it would only probe, be refused and report a violation).
// Imported first by the entries.
import { z } from 'zod';

z.config({ jitless: true });

// The entry sets zod's "no eval" setting before zod loads (zod comes later, with the chunks that parse):
// zod must find it, or its first parse would probe `new Function` and the pane's policy would report it.
import { expect, test } from 'vitest';

test('zod loaded after the entry compiles no parser (jitless)', async () => {
  await import('../../src/taskpane/csp');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
});

// Word mail merge: rendering 1,000 letters × 20 fields (time, total OOXML), and the round trips a
// merge and a read-back take for N = 10, 100, 1,000 against the test host that enforces the 4 MB
// request cap, beside what one sync per contact per field would have needed.
import { planMergeBlocks, WORD_REQUEST_CAP } from '../src/domain/mergeBlocks';
import { mergedDocx } from '../src/domain/docx';
import { LetterRenderer } from '../src/domain/mergeRender';
import { createWordAdapter } from '../src/office/word/wordAdapter';
import { letterBody, makeSource, twentyFields } from '../test/domain/mergeFixture';
import { FakeWordHost } from '../test/office/wordFakeHost';

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

function renderAll(n: number) {
  const src = makeSource(n);
  const rr = new LetterRenderer(src);
  return src.lines.map((l) => rr.render(l)!);
}

// Rendering
renderAll(50); // warm up
const runs = 5;
let best = Infinity;
let letters = renderAll(1000);
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  letters = renderAll(1000);
  best = Math.min(best, performance.now() - t);
}
const total = letters.reduce((n, l) => n + l.body.length, 0);
console.log(
  `render 1,000 letters × ${twentyFields.length} fields: ${best.toFixed(0)} ms (best of ${runs}), ${mb(total)} of letter OOXML, ${(total / 1000 / 1024).toFixed(1)} KB per letter`,
);

let t = performance.now();
const blocks = planMergeBlocks(letters);
console.log(
  `pack into insertOoxml blocks: ${(performance.now() - t).toFixed(0)} ms, ${blocks.length} blocks of ${blocks.map((b) => `${b.letters.length} letters / ${mb(b.bytes)}`).join(', ')} (cap ${mb(WORD_REQUEST_CAP)})`,
);

t = performance.now();
const docx = mergedDocx(letters, { author: 'Bench' });
console.log(`merged .docx with 1,000 comments: ${(performance.now() - t).toFixed(0)} ms, ${mb(docx.length)}`);

// Round trips
console.log('\nround trips (context.sync) per merge, against a host refusing requests over 4 MB:');
console.log(
  'N      | read letter | write letters | comments | merge total | read back | one sync per contact per field',
);
for (const n of [10, 100, 1000]) {
  const host = new FakeWordHost(WORD_REQUEST_CAP, letterBody(twentyFields));
  const word = createWordAdapter({ run: host.run, supports: { comments: true, createDocument: true } });
  const read = await word.readLetter();
  const src = makeSource(n, undefined, { documentLetter: read.ooxml });
  const rr = new LetterRenderer(src);
  const rendered = src.lines.map((l) => rr.render(l)!);
  const report = await word.mergeLetters(rendered, { comments: true });
  const back = await word.readMergedLetters('SEG00001');
  const over = host.requests.filter((r) => r.bytes > WORD_REQUEST_CAP || r.responseBytes > WORD_REQUEST_CAP).length;
  if (over || back.letters.length !== n)
    throw new Error(`N=${n}: ${over} requests over the cap, ${back.letters.length} letters read back`);
  const writes = report.blocks;
  const merge = read.syncs + report.syncs;
  const naive = n * twentyFields.length;
  console.log(
    `${String(n).padEnd(6)} | ${String(read.syncs).padEnd(11)} | ${String(writes).padEnd(13)} | ${String(report.syncs - writes).padEnd(8)} | ${String(merge).padEnd(11)} | ${String(back.syncs).padEnd(9)} | ${naive} (${(naive / merge).toFixed(0)}× more)`,
  );
}

// The share of a traced task that V8 spent collecting garbage: what the Excel bench prints beside each
// long task, so that a task made long by a collection is told apart from one made long by the pane's code.
import { expect, test } from 'vitest';
import { gcIn, gcPauses, type TraceEvent } from '../e2e/taskTrace';

const ev = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({
  name,
  cat: 'x',
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  pid: 7,
  tid,
});

test('a collection inside the task counts once, however its phases nest, and only the part inside the task', () => {
  const task = ev('RunTask', 100, 50);
  const events = [
    task,
    // A scavenge of 10 ms with a nested phase of the same family: 10 ms, not 18.
    ev('V8.GC_SCAVENGER', 110, 10),
    ev('V8.GC_MC_INCREMENTAL', 112, 8),
    // A mark-compact that began before the task and ends 5 ms into it: 5 ms.
    ev('V8.GC_MARK_COMPACTOR', 90, 15),
    // One that runs past the task's end: 140 -> 150 only, 10 ms.
    ev('V8.GC_MC_INCREMENTAL_FINALIZE', 140, 30),
    // Another thread's collection, and an event that is not a collection: nothing.
    ev('V8.GC_SCAVENGER', 120, 10, 2),
    ev('FunctionCall', 125, 10),
  ];
  expect(gcIn(gcPauses(events), task)).toBeCloseTo(25, 6);
});

test('a task without collections, or a trace without the GC category, has none', () => {
  const task = ev('RunTask', 0, 120);
  expect(gcIn(gcPauses([task, ev('FunctionCall', 10, 100)]), task)).toBe(0);
  expect(gcIn(gcPauses([task, ev('V8.GC_SCAVENGER', 200, 5)]), task)).toBe(0);
});

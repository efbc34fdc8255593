// The one text rule (sync.md, "No value or size can jam a pane") and the map of action names.
import { describe, expect, test } from 'vitest';
import { actionNames, allActionNames, isActionName } from '../../src/domain/actionNames';
import {
  findTextRuleViolation,
  isStorableText,
  storedString,
  storedTextProblem,
  stripUnstorableText,
} from '../../src/domain/text';

describe('the text rule', () => {
  test.each([
    ['plain text', 'Città di Castello', undefined],
    ['tab and line breaks', 'a\tb\r\nc\nd', undefined],
    ['a pair of surrogates (emoji)', 'ciao 😀', undefined],
    ['NUL', 'a\u0000b', 'nul'],
    ['a bell', 'a\u0007', 'control'],
    ['vertical tab and form feed', '\u000b\u000c', 'control'],
    ['DEL', '\u007f', 'control'],
    ['a lone high surrogate at the end', 'abc\ud83d', 'loneSurrogate'],
    ['a lone low surrogate', '\ude00abc', 'loneSurrogate'],
    ['two high surrogates', '\ud83d\ud83d\ude00', 'loneSurrogate'],
  ])('%s', (_what, s, problem) => {
    expect(storedTextProblem(s)).toBe(problem);
    expect(isStorableText(s)).toBe(problem === undefined);
    expect(storedString().safeParse(s).success).toBe(problem === undefined);
  });

  test('stripping removes exactly what the rule forbids and keeps pairs, tabs and line breaks', () => {
    expect(stripUnstorableText('a\u0000b\tc\r\n\ud83d\ude00\ud800d\u0007')).toBe('ab\tc\r\n\ud83d\ude00d');
    expect(isStorableText(stripUnstorableText('\udc00\u0000x\ud83d'))).toBe(true);
  });

  test('a deep walk names the first offending string, keys included', () => {
    expect(
      findTextRuleViolation({
        a: [1, true, null, { b: 'ok' }],
        c: { 'k\u0000': 'v' },
      }),
    ).toEqual({ path: ['c', 'k\u0000'], problem: 'nul' });
    expect(findTextRuleViolation([{ x: 'ok' }, { y: ['fine', 'bad\ud800'] }])).toEqual({
      path: [1, 'y', 1],
      problem: 'loneSurrogate',
    });
    expect(findTextRuleViolation({ a: 'ok', n: 3 })).toBeUndefined();
  });
});

describe('action names', () => {
  test('each name is <area>.<verb> under its own area, and appears once', () => {
    for (const [area, verbs] of Object.entries(actionNames)) {
      for (const [verb, name] of Object.entries(verbs)) expect(name).toBe(`${area}.${verb}`);
    }
    expect(new Set(allActionNames).size).toBe(allActionNames.length);
    expect(isActionName('segments.goBack')).toBe(true);
    expect(isActionName('loggedSegments.toggleCanceled')).toBe(false);
  });
});

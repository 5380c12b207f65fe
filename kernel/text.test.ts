import { describe, expect, it } from 'vitest';
import { textProblems } from './text.ts';

/** kernel/text.ts: what a body's strings and keys may hold before any schema reads them. */
describe('text that is not text', () => {
  it('names each string or key with a lone surrogate or a control character, as problem bodies name fields', () => {
    const body = JSON.parse('{"name":"a\\ud800","lines":[{"note":"x\\u0000"}],"ok\\u0007":1,"end":"\\udc00z"}');
    expect(textProblems(body).map((p) => p.field).sort()).toEqual(['body.end', 'body.lines.0.note', 'body.name', 'body.ok\u0007']);
  });

  it('lets real text through: pairs of surrogates, right-to-left scripts, bidirectional and zero-width marks, tabs and new lines', () => {
    expect(textProblems({ a: '😀 王丽', b: 'مرحبا ئۇيغۇر', c: '\u202Eabc\u202C \u200B\u200D\uFEFF', d: 'line 1\r\n\tline 2' })).toEqual([]);
  });

  it('walks a body nested far deeper than the call stack would allow', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(textProblems(deep)).toHaveLength(1);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import zh from '../web/src/i18n/zh-CN.json' with { type: 'json' };
import officialsEn from '../web/src/i18n/officials.en.json' with { type: 'json' };
import officialsZh from '../web/src/i18n/officials.zh-CN.json' with { type: 'json' };

/** The catalogs in pairs: every page's, and the officials' consoles' (loaded with their pages). */
const PAIRS: ReadonlyArray<[string, Record<string, string>, Record<string, string>]> = [
  ['app', zh, en],
  ['officials', officialsZh, officialsEn],
];

const SOURCE = join(import.meta.dirname, '..', 'web', 'src');
const sources = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => join(SOURCE, file));

/** Attributes a person reads or hears: their text must come from the catalog too. */
const SPOKEN = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
/** Text that is no language: spaces, punctuation, digits. */
const NEUTRAL = /^[\s\p{P}\p{S}\d]*$/u;

function literalTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(SOURCE, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && !NEUTRAL.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && SPOKEN.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      found.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && !NEUTRAL.test(node.expression.text)) {
      found.push(`${where(node)} {"${node.expression.text}"}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('the web app speaks only from its catalogs', () => {
  it('the English and Chinese catalogs have exactly the same keys', () => {
    for (const [name, chinese, english] of PAIRS) {
      const missingInEnglish = Object.keys(chinese).filter((key) => !(key in english));
      const missingInChinese = Object.keys(english).filter((key) => !(key in chinese));
      expect({ missingInEnglish, missingInChinese }, name).toEqual({ missingInEnglish: [], missingInChinese: [] });
    }
  });

  it('every catalog string is a valid ICU message (an apostrophe before a brace quotes it: the build fails)', () => {
    const broken = PAIRS.flatMap(([, chinese, english]) => [...Object.entries(chinese), ...Object.entries(english)]).flatMap(([key, text]) => {
      try {
        parse(text);
        return [];
      } catch (error) {
        return [`${key}: ${String(error)}`];
      }
    });
    expect(broken).toEqual([]);
    expect(() => parse("{count, plural, one {# department's} other {# departments'}}")).toThrow();
  });

  it('no key is in two catalogs, and no catalog string is empty in either language', () => {
    expect(Object.keys(officialsZh).filter((key) => key in zh)).toEqual([]);
    const empty = PAIRS.flatMap(([, chinese, english]) => [...Object.entries(chinese), ...Object.entries(english)])
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('no component writes words of its own: every text node and spoken attribute comes from the catalog', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.flatMap((file) => literalTexts(file))).toEqual([]);
  });

  it('the lint above finds a literal word, so it can fail', () => {
    const probe = join(SOURCE, 'probe.tsx');
    expect(literalTexts(probe, 'export const X = () => <p aria-label="Close">Hello{"world"}{t("ok")}</p>;')).toEqual([
      'probe.tsx:1 aria-label="Close"',
      'probe.tsx:1 text "Hello"',
      'probe.tsx:1 {"world"}',
    ]);
  });
});

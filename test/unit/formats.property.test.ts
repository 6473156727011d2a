/**
 * Property tests of the exchange formats (issue 10, item 16): for glossaries of arbitrary text —
 * control characters, quotes, separators, "#", "|", "/", leading "=+-@'", CR/LF/CRLF, surrogate
 * pairs and unpaired halves — parse(serialize(g)) gives back exactly what the format says it holds
 * (format.fit(g)), and parse never throws, whatever it is given. 10,000 cases each.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Alias, Glossary, GlossaryEntry } from '../../src/core/glossary/entry';
import { FORMATS } from '../../src/core/glossary/formats';
import { canonical, type GlossaryFormat } from '../../src/core/glossary/formats/common';
import { isExact, markerFault } from '../../src/core/glossary/rendering';
import { toTraditional, traditionalProblem } from '../../src/core/text/script';

const RUNS = 10_000;

/** Characters that break formats: separators, quotes, markup, line ends, controls, odd code points. */
const SPECIAL = [
  '\t',
  '\r',
  '\n',
  '\r\n',
  ',',
  ';',
  '"',
  "'",
  '|',
  '/',
  '\\',
  '[',
  ']',
  '#',
  '=',
  '+',
  '-',
  '@',
  '<',
  '>',
  '&',
  '&#13;',
  ']]>',
  ' ',
  '\u00a0',
  '\u2028',
  '\u0000',
  '\u0007',
  '\u001b',
  '\ufffe',
  '\uffff',
  '\ufeff',
  '\u2044',
  'category: ',
  'note: ',
  '😀',
  '𠀀',
];
const COMMON = ['a', 'B', 'z', '1', ' ', '压', '鑄', 'ā', 'ü'];
/** One draw per character (cheaper than nested oneof): specials, common letters, or any code unit/point. */
const char = fc.integer({ min: 0, max: 0x10ffff + 3 * SPECIAL.length + COMMON.length }).map((n) => {
  if (n < 2 * SPECIAL.length) return SPECIAL[n % SPECIAL.length];
  n -= 2 * SPECIAL.length;
  if (n < COMMON.length + SPECIAL.length) return COMMON[n % COMMON.length];
  n -= COMMON.length + SPECIAL.length;
  // Any code point; those in U+D800–U+DFFF come out as unpaired surrogates.
  return n <= 0xffff ? String.fromCharCode(n) : String.fromCodePoint(n);
});
/** A text as the model holds one: trimmed and not empty. */
const text = fc
  .array(char, { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
/** Also starting with what spreadsheets run or comments begin with. */
const leading = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', "'", "''", '#', "'#", '-ing form', '+5 V'), text)
  .map(([a, b]) => (a + b).trim());
const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const orNothing = fc.option(text, { nil: '' });
const zhText = fc
  .tuple(fc.constantFrom('', '#', '=', "'", '-'), orNothing, han, orNothing)
  .map(([a, b, h, c]) => `${a}${b}${h}${c}`.trim());

const SYLLABLES = ['yā', 'zhù', 'kāi', 'mú', 'lì', 'nǚ', 'shēng', 'chǎn', 'xiàn', 'de'];
/** Pure Han with a reading that fits it, for the JSON reader, which checks readings. */
const hanWithPinyin = fc
  .array(fc.tuple(han, fc.constantFrom(...SYLLABLES)), { minLength: 1, maxLength: 4 })
  .map((pairs) => ({ zh: pairs.map((p) => p[0]).join(''), pinyin: pairs.map((p) => p[1]).join(' ') }));

function entryArb(valid: 'json' | 'loose'): fc.Arbitrary<GlossaryEntry> {
  const alias: fc.Arbitrary<Alias> =
    valid === 'json'
      ? fc.oneof(
          hanWithPinyin,
          zhText.map((zh) => ({ zh })),
        )
      : fc.record({ zh: zhText, pinyin: text }, { requiredKeys: ['zh'] });
  const term =
    valid === 'json'
      ? fc.oneof(
          hanWithPinyin,
          zhText.map((zh) => ({ zh })),
        )
      : fc.record({ zh: zhText, pinyin: text }, { requiredKeys: ['zh'] });
  const list = fc.array(fc.oneof(leading, text), { minLength: 1, maxLength: 3 });
  const rest = fc.record(
    {
      id: fc.oneof(leading, fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)),
      traditional: zhText,
      en: list,
      forbidden: list,
      domain: leading,
      category: leading,
      note: fc.oneof(leading, fc.constantFrom('line one\r\nline two', 'category: x', 'note: y', 'a\rb\nc')),
      aliases: fc.array(alias, { minLength: 1, maxLength: 2 }),
      ref: fc.oneof(leading, fc.constant('https://example.org/a?b=1&c=2')),
    },
    { requiredKeys: ['id', 'en'] },
  );
  // The JSON reader checks that a traditional form folds to the simplified one: give it a real one.
  // "exact" names some of the entry's renderings; the JSON reader refuses a stem marker it cannot read.
  const both = fc
    .tuple(term, rest, fc.array(fc.nat(), { maxLength: 3 }))
    .map(([t, r, picks]) => {
      const renderings = [...r.en, ...(r.forbidden ?? [])];
      const exact = [...new Set(picks.map((k) => renderings[k % renderings.length]))];
      return { ...r, ...t, ...(exact.length > 0 ? { exact } : {}) } as GlossaryEntry;
    })
    .filter((e) => valid === 'loose' || [...e.en, ...(e.forbidden ?? [])].every((r) => !markerFault(r, isExact(e, r))));
  return valid === 'json'
    ? both.map((e) => {
        if (e.traditional === undefined) return e;
        const converted = toTraditional(e.zh);
        // A zh that is itself traditional (麪) need not fold back from OpenCC's form (麵): keep zh.
        return { ...e, traditional: traditionalProblem(e.zh, converted) ? e.zh : converted };
      })
    : both;
}

function glossaryArb(valid: 'json' | 'loose'): fc.Arbitrary<Glossary> {
  // Ids are unique within a glossary; the JSON reader also refuses the same term twice in a domain.
  const entries = fc.uniqueArray(entryArb(valid), { maxLength: 2, selector: (e) => e.id });
  const name = fc.oneof(text, leading);
  const glossary = fc.record({ name, domain: leading, entries }, { requiredKeys: ['name', 'entries'] });
  const termsOnce = (g: Glossary) =>
    new Set(g.entries.map((e) => `${e.domain ?? g.domain}\u0000${e.zh}`)).size === g.entries.length;
  return valid === 'json' ? glossary.filter(termsOnce) : glossary;
}

function hasUnpairedSurrogate(value: unknown): boolean {
  let found = false;
  JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === 'string' && /\p{Cs}/u.test(v)) found = true;
    return v;
  });
  return found;
}

/** Two glossaries that hold the same data (names only where the format keeps one). */
function assertSame(format: GlossaryFormat, back: Glossary, fitted: Glossary, serialized: string): void {
  assert.deepEqual(back.entries.map(canonical), fitted.entries.map(canonical), serialized);
  if ((format.id === 'json' || format.id === 'tbx') && fitted.name) assert.equal(back.name, fitted.name);
}

for (const format of FORMATS) {
  const file = `g${format.extensions[0]}`;

  test(`${format.label}: parse(serialize(g)) is what the format holds of g (${RUNS} glossaries)`, () => {
    const valid = format.id === 'json' ? 'json' : 'loose';
    fc.assert(
      fc.property(glossaryArb(valid), (g) => {
        const serialized = format.serialize(g);
        // What a UTF-8 file holds: the writer's string must survive encoding unchanged.
        assert.equal(new TextDecoder().decode(new TextEncoder().encode(serialized)), serialized);
        const { glossary: back, problems } = format.parse(serialized, file);
        assert.deepEqual(
          problems.map((p) => p.message),
          [],
        );
        assertSame(format, back, format.fit(g).glossary, serialized);
      }),
      { numRuns: RUNS },
    );
  });

  test(`${format.label}: parse never throws, on any text or a damaged export (${RUNS} inputs)`, () => {
    const anyText = fc.array(char, { maxLength: 80 }).map((cs) => cs.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.array(char, { maxLength: 6 }));
    const damaged = fc.tuple(glossaryArb('loose'), edit).map(([g, [a, b, ins]]) => {
      const s = format.serialize(g);
      const from = a % (s.length + 1);
      return s.slice(0, from) + ins.join('') + s.slice(from + (b % 8));
    });
    fc.assert(
      fc.property(fc.oneof(anyText, damaged), (input) => {
        const { problems } = format.parse(input, file);
        for (const p of problems) assert.match(p.message, /^g\.\w+:\d+:\d+ /);
      }),
      { numRuns: RUNS },
    );
  });
}

test('CSV holds every field: what it keeps of a glossary is the glossary, less unpaired surrogates', () => {
  const csv = FORMATS.find((f) => f.id === 'csv')!;
  const noLoneSurrogates = glossaryArb('loose').filter((g) => !hasUnpairedSurrogate(g));
  fc.assert(
    fc.property(noLoneSurrogates, (g) => {
      const { glossary, lost } = csv.fit({ ...g, domain: undefined });
      assert.deepEqual(lost, []);
      assert.deepEqual(glossary.entries.map(canonical), g.entries.map(canonical));
    }),
    { numRuns: 2_000 },
  );
});

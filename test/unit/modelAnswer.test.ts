/** The English taken from models' answers: the recorded ones and the wrappings models use. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnswer, type AnswerLabels } from '../../src/core/annotate/modelAnswer';
import { recordedCase } from './lmFixture';

const inline = (answer: string) => parseAnswer(answer, 'inline');
const english = (answer: string, form: 'inline' | 'note' = 'inline') => {
  const parsed = parseAnswer(answer, form);
  assert.ok(parsed.ok, `no English in ${JSON.stringify(answer)}: ${JSON.stringify(parsed)}`);
  return parsed.english;
};

const GEELY =
  'Geely: the Zeekr 009 is die-cast in-house on an 8,000 t LK Technology machine, with tooling by HNB of Germany ' +
  'and machining in Ningbo.';

test('a fenced answer after an introduction (recorded)', () => {
  assert.equal(english(recordedCase('geely-fenced').answers[0]), GEELY);
});

test('a label before the English and a note after it (recorded)', () => {
  const got = english(recordedCase('tesla-label-and-note').answers[0]);
  assert.ok(got.startsWith('According to reports, on 20 March Tesla ordered'), got);
  assert.ok(got.endsWith("it is also the world's largest die-casting machine!"), got);
  assert.ok(!got.includes('Note') && !got.includes('压铸机'));
});

test('curly quotation marks around the whole answer (recorded)', () => {
  const got = english(recordedCase('tsmc-untranslated').answers[0]);
  assert.ok(got.startsWith('TSMC chairman') && got.endsWith('football pitches.'), got);
  // The Chinese the model left inside the English stays: the QA reports it as untranslated.
  assert.ok(got.includes('廠房'));
});

test('a note keeps its paragraphs and stops at the rule before the list of terms used (recorded)', () => {
  const got = english(recordedCase('orders-note').answers[0], 'note');
  const paragraphs = got.split('\n\n');
  assert.equal(paragraphs.length, 2);
  assert.ok(paragraphs[0].startsWith('Haitian Metal:') && paragraphs[1].startsWith('Bühler Group:'));
  assert.ok(!got.includes('Terms used'));
  // The same answer as an inline annotation: the first paragraph only.
  assert.equal(english(recordedCase('orders-note').answers[0]), paragraphs[0]);
});

test('a refusal, an empty answer and a cut-off thinking block are faults with a clear message (recorded)', () => {
  assert.deepEqual(inline(recordedCase('haitian-refusal').answers[0]), {
    ok: false,
    fault: 'refusal',
    message: `the model declined to translate: "I'm sorry, but I can't help with translating this content."`,
  });
  assert.deepEqual(inline(recordedCase('haitian-thinking-cut-off').answers[0]), {
    ok: false,
    fault: 'empty',
    message: 'the model gave an empty answer',
  });
  assert.deepEqual(inline('  \n\n '), { ok: false, fault: 'empty', message: 'the model gave an empty answer' });
  assert.equal((inline('抱歉，我无法翻译这段内容。') as { fault: string }).fault, 'refusal');
});

test('an answer that only echoes the Chinese has no English', () => {
  assert.deepEqual(inline('原文：吉利：极氪009是自己压铸\n\n吉利：极氪009是自己压铸'), {
    ok: false,
    fault: 'no-english',
    message: 'the model answered without an English translation',
  });
});

test('the labels are the caller’s (localised by the extension)', () => {
  const labels: AnswerLabels = { empty: () => '空', refusal: (s) => `拒绝 ${s}`, noEnglish: () => '无英文' };
  assert.deepEqual(parseAnswer('', 'inline', labels), { ok: false, fault: 'empty', message: '空' });
});

test('wrappings models use: labels, bold, quotes, thinking, preambles, echoes, notes', () => {
  const line = 'Bühler Group: Tuopu Group 1 unit, 6,000 t.';
  for (const answer of [
    line,
    `Translation: ${line}`,
    `**Translation:** ${line}`,
    `English translation: "${line}"`,
    `EN: ${line}`,
    `"${line}"`,
    `**${line}**`,
    `<think>布勒 is Bühler; the glossary wants Bühler Group.</think>\n\n${line}`,
    `Sure! Here's the translation:\n\n${line}`,
    `Here is the English:\n${line}\n\nNote: I kept "t" for tonnes.`,
    `Chinese: 布勒：拓普集团1台，6000吨\nEnglish: ${line}`,
    `布勒：拓普集团1台，6000吨\n${line}`,
    `${line}\n\n(Note: 布勒 is rendered as Bühler Group per the glossary.)`,
    `${line}\n\nI translated 台 as "unit".`,
    `\`\`\`\n${line}\n\`\`\`\n\nLet me know if you need anything else.`,
    `~~~\n${line}`,
    `${line}\r\n`,
  ]) {
    assert.equal(english(answer), line, JSON.stringify(answer));
  }
});

test('an inline answer wrapped over two lines is one line; text is never changed inside a line', () => {
  assert.equal(english('Bühler Group: Tuopu Group 1 unit,\n6,000 t.'), 'Bühler Group: Tuopu Group 1 unit, 6,000 t.');
  // Quotation marks inside the English, and a "Result:" heading of a translated 结果：, stay.
  assert.equal(english('Result: "integrated" die casting'), 'Result: "integrated" die casting');
  assert.equal(english('"Giga" and "Mega" casting'), '"Giga" and "Mega" casting');
});

test('a forum post that starts with an apology is a translation, not a refusal', () => {
  assert.equal(english("I'm sorry, but the machine arrived late."), "I'm sorry, but the machine arrived late.");
  assert.equal((inline('I cannot translate this passage.') as { fault: string }).fault, 'refusal');
  assert.equal((inline('As an AI, I am unable to help with that request.') as { fault: string }).fault, 'refusal');
});

test('a partial answer while it streams: an unclosed fence is read as far as it goes', () => {
  const answer = recordedCase('geely-fenced').answers[0];
  const cut = answer.indexOf(' is die-cast');
  assert.equal(english(answer.slice(0, cut)), 'Geely: the Zeekr 009');
  assert.equal(inline(answer.slice(0, answer.indexOf('\n') + 1)).ok, false);
});

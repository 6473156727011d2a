/** The model's prompt on real passages: the passage's glossary terms and numbers reach it, nothing else does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcedGlossary } from '../../src/core/glossary/entry';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { simplifiedFoldTable } from '../../src/core/text/script';
import {
  buildDraftPrompt,
  CONTEXT_LINES,
  DEFAULT_STYLE,
  promptNumbers,
  promptTerms,
  withoutSystemRole,
  type DraftRequest,
} from '../../src/core/annotate/modelPrompt';
import { glossaryTerms } from '../../src/core/annotate/termUse';
import { fullLexicon } from './fullLexicon';
import { passageOf } from './lmFixture';

const haitian = passageOf({ file: 'diecasting-orders.txt', line: 1 });
const buhler = passageOf({ file: 'diecasting-orders.txt', line: 3 });
const geely = passageOf({ file: 'diecasting-orders.txt', line: 5 });
const tesla = passageOf({ file: 'reading/real-text.json', sentence: 12 });
const research = passageOf({ file: 'reading/real-text.json', sentence: 22 });
const tsmc = passageOf({ file: 'reading/real-text.json', sentence: 37 });

const request = (passage: string, more: Partial<DraftRequest> = {}): DraftRequest => ({
  passage,
  form: 'inline',
  style: DEFAULT_STYLE,
  ...more,
});
const userText = (r: DraftRequest, lexicon = fullLexicon()) =>
  buildDraftPrompt(r, lexicon).messages.find((m) => m.role === 'user')!.content;
const systemText = (r: DraftRequest) => buildDraftPrompt(r, fullLexicon()).messages[0].content;

test('a system and a user message; the passage is in the user message as written', () => {
  const { messages } = buildDraftPrompt(request(buhler), fullLexicon());
  assert.deepEqual(
    messages.map((m) => m.role),
    ['system', 'user'],
  );
  assert.ok(messages[1].content.includes(`Passage to translate:\n${buhler}\n`));
  assert.match(messages[0].content, /English translation of the passage only/);
  assert.match(messages[0].content, /Never write a forbidden rendering/);
});

test('the Bühler line: its companies with approved and forbidden renderings, short names first', () => {
  const user = userText(request(buhler));
  assert.ok(
    user.includes(
      '- 布勒 (company name): "Bühler Group"; also approved: "Bühler AG", "Bühler", "Buhler"; ' +
        'forbidden: "Buhler Industries"; note: Swiss group (Uzwil); die-casting machines such as the Carat series.',
    ),
    user,
  );
  assert.ok(
    user.includes('- 拓普集团 (company name): "Tuopu Group"; also approved: "Ningbo Tuopu Group Co., Ltd.", "Tuopu"'),
  );
  assert.ok(user.includes('- 在谈 (required): "under negotiation"; also approved: "in talks"'));
});

test('only the terms matched in the passage are sent', () => {
  const terms = promptTerms(buhler, fullLexicon(), 'short').map((t) => t.term);
  assert.deepEqual(terms, ['布勒', '拓普集团', '台', '吨', '爱柯迪', '泉峰汽车', '匈牙利', '工厂', '在谈']);
  const user = userText(request(buhler));
  // 压铸机 and 吉利 are glossary terms of the other lines, not of this one.
  assert.ok(!user.includes('压铸机') && !user.includes('Geely') && !user.includes('海天'));
});

test('full company names when the style asks for them', () => {
  const user = userText(request(buhler, { style: { ...DEFAULT_STYLE, companyNames: 'full' } }));
  assert.ok(user.includes('- 布勒 (company name): "Bühler AG"; also approved: "Bühler Group", "Bühler", "Buhler"'));
  assert.ok(user.includes('- 泉峰汽车 (company name): "Nanjing Chervon Auto Precision Technology Co., Ltd."'));
  assert.match(systemText(request(buhler, { style: { ...DEFAULT_STYLE, companyNames: 'full' } })), /names in full/);
});

test('the numbers as the check reads them: 8800吨 = 8,800 t, each once, units from the glossary', () => {
  assert.deepEqual(promptNumbers(haitian, fullLexicon()), [
    { written: '3台', english: '3 units' },
    { written: '2台', english: '2 units' },
    { written: '6000吨', english: '6,000 t' },
    { written: '1台', english: '1 unit' },
    { written: '7000吨', english: '7,000 t' },
    { written: '8800吨', english: '8,800 t' },
    { written: '第二台', english: 'second unit' },
  ]);
  assert.ok(userText(request(haitian)).includes('Numbers in the passage:\n- 3台 = 3 units\n- 2台 = 2 units\n'));
});

test('dates, an amount with its unit written in, ordinals and percentages', () => {
  assert.deepEqual(promptNumbers(tesla, fullLexicon()), [
    { written: '3月', english: 'March' },
    { written: '20日', english: '20' },
    { written: '8000吨', english: '8,000 t' },
  ]);
  assert.deepEqual(promptNumbers(research, fullLexicon()), [
    { written: '2001年', english: '2001' },
    { written: '第四', english: 'fourth' },
    { written: '973', english: '973' },
    { written: '2500万元', english: '25,000,000' },
  ]);
  // Tenths as a percentage; a duration in years is not offered as an ROC year (70年 is not 1981).
  assert.ok(
    promptNumbers(passageOf({ file: 'reading/real-text.json', sentence: 94 }), fullLexicon()).some(
      (n) => n.written === '九成' && n.english === '90%',
    ),
  );
  assert.deepEqual(promptNumbers(passageOf({ file: 'reading/real-text.json', sentence: 78 }), fullLexicon())[0], {
    written: '70年',
    english: '70',
  });
  const tw = promptNumbers(tsmc, fullLexicon());
  assert.deepEqual(tw.slice(0, 3), [
    { written: '2024年', english: '2024' },
    { written: '3奈米', english: '3 nanometre' },
    { written: '90%', english: '90%' },
  ]);
});

test('a unit written into an amount is given by the amount, not listed with its forbidden renderings', () => {
  // 万元 of 2500万元: "ten thousand yuan" is not what the English should say for 25 million yuan.
  assert.ok(glossaryTerms(research, fullLexicon()).some((t) => t.term === '万元'));
  assert.ok(!promptTerms(research, fullLexicon(), 'short').some((t) => t.term === '万元'));
  // The Zeekr 009 is a number the check requires, written as the label it is.
  assert.deepEqual(promptNumbers(geely, fullLexicon()), [
    { written: '009', english: '009' },
    { written: '8000吨', english: '8,000 t' },
  ]);
});

test("a workspace glossary's entry overrides the curated one and is listed first", () => {
  const workspace: SourcedGlossary = {
    source: { label: 'Workspace · orders', layer: 'workspace', id: 'orders.json' },
    glossary: {
      name: 'orders',
      entries: [
        { id: 'ws.zaitan', zh: '在谈', en: ['in negotiation'], forbidden: ['under negotiation'], category: 'order' },
      ],
    },
  };
  const full = fullLexicon();
  const lexicon = new Lexicon([buildLayer([workspace], simplifiedFoldTable()), ...full.layers], simplifiedFoldTable);
  const terms = promptTerms(buhler, lexicon, 'short');
  assert.equal(terms[0].term, '在谈');
  assert.equal(terms[0].entry.source.layer, 'workspace');
  assert.equal(terms.filter((t) => t.term === '在谈').length, 1);
  const user = userText(request(buhler), lexicon);
  assert.ok(
    user.includes(
      'Glossary terms in the passage:\n- 在谈 (required): "in negotiation"; forbidden: "under negotiation"\n',
    ),
  );
});

test(`context: the nearest ${CONTEXT_LINES} non-blank lines each side, marked not to be translated`, () => {
  const user = userText(
    request(buhler, { before: ['一', '二', '', '三', '四'], after: [haitian, '', geely, '五', '六'] }),
  );
  assert.ok(user.startsWith('Context before the passage (do not translate):\n二\n三\n四\n\nPassage to translate:'));
  assert.ok(user.includes(`Context after the passage (do not translate):\n${haitian}\n${geely}\n五\n\nGlossary`));
  assert.ok(!user.includes('一\n') && !user.includes('六'));
  assert.ok(!userText(request(buhler)).includes('Context'));
});

test('style: register, spelling, the user’s own words; inline is one line, a note keeps paragraphs', () => {
  const style = {
    register: 'formal',
    spelling: 'american',
    companyNames: 'short',
    instructions: 'Use  "t" \n for tonnes.',
  };
  const system = systemText(request(buhler, { style: style as DraftRequest['style'] }));
  assert.match(system, /formal English/);
  assert.match(system, /American spelling \(mold, aluminum/);
  assert.ok(system.includes(`The user's own instructions: Use "t" for tonnes.`));
  assert.match(systemText(request(buhler)), /British spelling/);
  assert.match(systemText(request(buhler)), /as one line/);
  assert.match(systemText(request(buhler, { form: 'note' })), /Keep the paragraphs/);
});

test('without a system role the system text opens the first user message', () => {
  const { messages } = buildDraftPrompt(request(buhler), fullLexicon());
  const merged = withoutSystemRole([...messages, { role: 'assistant', content: 'a' }, { role: 'user', content: 'b' }]);
  assert.deepEqual(
    merged.map((m) => m.role),
    ['user', 'assistant', 'user'],
  );
  assert.equal(merged[0].content, `${messages[0].content}\n\n${messages[1].content}`);
  assert.equal(merged[2].content, 'b');
});

/**
 * Personal names for the segmentation: a common single-character surname followed by a
 * two-character given name (黄仁勋, 刘扬伟, 辛国斌) is one word where no dictionary word starts at
 * the surname (陈列, 周期, 高通 stay words) and the reading finds nothing cheaper. Two-character
 * names (surname + one character) are left out: 高于, 任何, 于是 read as such far too often.
 *
 * Right after a person's title (董事长, 局长, 特首 …) or right before a verb of saying (说, 表示),
 * where news writes names, a name is weighed even where a word starts at the surname (特首李家超:
 * 李家 "the Li family"), with any given name (張為策說, 黃明和) and a wider set of surnames
 * (卓文恒): the reading's costs still choose, so 部长高度评价 stays 高度 | 评价.
 */

/**
 * The commonest Chinese surnames, simplified (the lexicon folds traditional text onto them),
 * without those that are numerals (万) or mostly function words in running text (于, 以, 和).
 */
const SURNAMES = new Set([
  ...('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧蔡潘田董袁' +
    '余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江' +
    '阎薛尹段雷黎史龙陶贺顾毛郝龚邵邢严覃施牛洪武莫常汤赖庄温钱辛欧蓝柯翁'),
]);

/** Characters that end or join phrases far more often than they stand in a given name. */
const NOT_GIVEN = new Set([
  ...('的了在是和与及等将已为对把被也都而但就又并或从向到以之其这那着过们说会要能让给跟同' +
    '年月日时个中上下内外后前不没有无所于由且即则若如此该各每本其约共'),
]);

/** Adverbs that follow a name as often as 的 does (李想也表示, 王石还说): never its last character. */
const NOT_LAST = new Set([...'也还都又就曾亦均']);

/** Less common surnames, weighed only after a title (卓, 詹, 游 are words far more often elsewhere). */
const TITLED_SURNAMES = new Set([
  ...('卓詹游涂简连骆闫殷毕郁单杭饶祝凌聂乔左管申柳葛包俞鲁倪梅齐查车巫尤纪麦童' +
    '岳官古甘池关宁祁易封鲍伍宗滕谷华文项庞冉占司栾'),
]);

/**
 * Titles a name follows in news (simplified; the reader folds traditional text): corporate,
 * association and government heads and their deputies.
 */
const TITLES = [
  ...('董事长 副董事长 总经理 副总经理 总裁 副总裁 执行长 营运长 财务长 技术长 策略长 董事 独立董事 ' +
    '首席执行官 创办人 创始人 负责人 总监 厂长 经理 理事长 副理事长 会长 副会长 秘书长 主席 副主席 ' +
    '院长 副院长 所长 部长 副部长 局长 副局长 署长 司长 处长 市长 副市长 区长 省长 县长 特首 ' +
    '行政长官 总统 副总统 总理 副总理 委员 主任 发言人 教授 研究员 分析师 董秘 行长 社长 议员 立委'),
]
  .join('')
  .split(' ')
  .filter((t) => t.length > 0);

/** Verbs of saying that follow a name in news (张为策说, 李家超表示): as good a sign of one as a title. */
const SAYING = ['说', '表示', '指出', '认为', '强调', '透露', '坦言', '称', '提到', '介绍', '回应', '预估', '直言'];

/** Words by a code unit of theirs (the last of a title, the first of a verb): most positions ask no further. */
function byCodeUnit(words: readonly string[], at: (w: string) => number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) out.set(at(w), [...(out.get(at(w)) ?? []), w]);
  return out;
}
const TITLES_BY_LAST = byCodeUnit(TITLES, (t) => t.charCodeAt(t.length - 1));
const SAYING_BY_FIRST = byCodeUnit(SAYING, (v) => v.charCodeAt(0));

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * SURNAMES, NOT_GIVEN, TITLED_SURNAMES and NOT_LAST by code unit (1: surname, 2: not in a given
 * name, 4: a surname after a title, 8: not a name's last character): the segmentation asks
 * at nearly every position, and a lookup by string would make a one-character string each time.
 */
const ROLE = new Uint8Array(0x10000);
for (const ch of SURNAMES) ROLE[ch.charCodeAt(0)] |= 1;
for (const ch of NOT_GIVEN) ROLE[ch.charCodeAt(0)] |= 2;
for (const ch of TITLED_SURNAMES) ROLE[ch.charCodeAt(0)] |= 4;
for (const ch of NOT_LAST) ROLE[ch.charCodeAt(0)] |= 8;

/**
 * Whether text[i, i + 3) reads as a surname and a given name, on the folded characters (`at(k)`
 * gives the code unit at k, folded to simplified).
 */
export function isNameAt(at: (k: number) => number, i: number, end: number): boolean {
  if (i + 3 > end || (ROLE[at(i)] & 1) === 0) return false;
  for (let k = i + 1; k < i + 3; k++) {
    const c = at(k);
    if (!isHan(c) || (ROLE[c] & 2) !== 0) return false;
  }
  return true;
}

/**
 * Whether the reading weighs text[i, i + 3) as a personal name: a surname and a given name where no
 * dictionary word of two characters or more starts at the surname (`wordHere`), or right after a
 * title in text[start, i) or right before a verb of saying in text[i + 3, end) whatever starts
 * there. On the folded characters (`at(k)`).
 */
export function personalNameAt(
  at: (k: number) => number,
  i: number,
  start: number,
  end: number,
  wordHere: boolean,
): boolean {
  if (!wordHere && isNameAt(at, i, end)) return true;
  if (i + 3 > end || !isHan(at(i + 1)) || !isHan(at(i + 2))) return false;
  const role = ROLE[at(i)];
  const titled = (role & 5) !== 0 && endsWithTitle(at, start, i);
  // Before a verb of saying only a common surname: 车主们表示 is no name.
  const saying = (role & 1) !== 0 && startsWithSaying(at, i + 3, end);
  if (!titled && !saying) return false;
  // The last character is no grammar word (董事长陈虹等 is 陈虹 | 等) unless both signs frame the
  // name (董事長黃明和坦言), and never an adverb (李想也表示).
  const last = ROLE[at(i + 2)];
  return (last & 8) === 0 && ((last & 2) === 0 || (titled && saying));
}

/** Whether text[from, end) starts with one of SAYING. */
function startsWithSaying(at: (k: number) => number, from: number, end: number): boolean {
  const verbs = from < end ? SAYING_BY_FIRST.get(at(from)) : undefined;
  if (verbs === undefined) return false;
  for (const v of verbs) if (from + v.length <= end && matchesAt(at, from, v)) return true;
  return false;
}

/** Whether text[start, i) ends with one of TITLES. */
function endsWithTitle(at: (k: number) => number, start: number, i: number): boolean {
  const titles = i > start ? TITLES_BY_LAST.get(at(i - 1)) : undefined;
  if (titles === undefined) return false;
  for (const t of titles) if (i - t.length >= start && matchesAt(at, i - t.length, t)) return true;
  return false;
}

/** Whether the folded code units from `from` spell `word`. */
function matchesAt(at: (k: number) => number, from: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (at(from + k) !== word.charCodeAt(k)) return false;
  return true;
}

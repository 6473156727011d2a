/**
 * Personal names for the segmentation: a common single-character surname followed by a
 * two-character given name (黄仁勋, 刘扬伟, 辛国斌) is one word where no dictionary word starts at
 * the surname (陈列, 周期, 高通 stay words) and the reading finds nothing cheaper. Two-character
 * names (surname + one character) are left out: 高于, 任何, 于是 read as such far too often.
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

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * SURNAMES and NOT_GIVEN by code unit (1: surname, 2: not in a given name): the segmentation asks
 * at nearly every position, and a lookup by string would make a one-character string each time.
 */
const ROLE = new Uint8Array(0x10000);
for (const ch of SURNAMES) ROLE[ch.charCodeAt(0)] |= 1;
for (const ch of NOT_GIVEN) ROLE[ch.charCodeAt(0)] |= 2;

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

/**
 * The forms of one English word that the terminology QA takes as the same word: British and American
 * spellings (aluminium/aluminum, mould/mold, -ise/-ize, -isation/-ization, -yse/-yze, -tre/-ter,
 * -our/-or, travelled/traveled) and the common irregular plurals and verb forms (built → build,
 * children → child), which a stemmer cannot know. The rules fold British to American, so applying
 * them to both sides makes the two spellings meet; each rule has its exceptions, since a rule that
 * respells "four" or "promise" would make different words meet.
 */

/** Whole words (and words starting with them, for mould and sulphur) whose spellings differ outright. */
const WORDS: Record<string, string> = {
  aluminium: 'aluminum',
  aeroplane: 'airplane',
  artefact: 'artifact',
  cheque: 'check',
  cosy: 'cozy',
  disc: 'disk',
  draught: 'draft',
  grey: 'gray',
  jewellery: 'jewelry',
  kerb: 'curb',
  plough: 'plow',
  programme: 'program',
  pyjamas: 'pajamas',
  speciality: 'specialty',
  storey: 'story',
  tyre: 'tire',
  ageing: 'aging',
  judgement: 'judgment',
  acknowledgement: 'acknowledgment',
  manoeuvre: 'maneuver',
  fulfil: 'fulfill',
  enrol: 'enroll',
  instil: 'instill',
  distil: 'distill',
  skilful: 'skillful',
  wilful: 'willful',
  licence: 'license',
  defence: 'defense',
  offence: 'offense',
  pretence: 'pretense',
  practise: 'practice',
  catalogue: 'catalog',
  analogue: 'analog',
  dialogue: 'dialog',
  prologue: 'prolog',
  epilogue: 'epilog',
  monologue: 'monolog',
  fibre: 'fiber',
  calibre: 'caliber',
  sabre: 'saber',
  sombre: 'somber',
  ochre: 'ocher',
  caesium: 'cesium',
  foetus: 'fetus',
  oestrogen: 'estrogen',
  anaemia: 'anemia',
  encyclopaedia: 'encyclopedia',
  orthopaedic: 'orthopedic',
  paediatric: 'pediatric',
};

/** British spellings inside longer words: mould, moulded, mouldings, smoulder, sulphate, haemoglobin. */
const PARTS: [RegExp, string][] = [
  [/^(s?)mould/, '$1mold'],
  [/^moult/, 'molt'],
  [/^sulph/, 'sulf'],
  [/^haem/, 'hem'],
  [/^(an?)aesthe/, '$1esthe'],
];

/** Endings a rule may carry along (centres, coloured, organising). */
const TAIL = '(s|es|d|ed|ing|er|ers|ful|ite|ites|able|ably|less|ist|ists|al|ally)?';

/** -our words whose "our" is not the British ending: four, hour, tour, flour, devour, contour. */
const OUR_KEEPS = new Set(
  'four hour your tour pour sour flour scour devour velour dour amour paramour troubadour downpour'.split(' '),
);
const OUR_KEEP_ENDS = ['tour', 'hour', 'four'];
const OUR = new RegExp(`^([a-z]{2,}?)our${TAIL}$`);

/** -ise words that American English spells -ise too: by ending ("otherwise", "enterprise"), or whole. */
const ISE_KEEP_ENDS = ['wise', 'vise', 'prise', 'aise', 'uise', 'oise', 'chise'];
const ISE_KEEPS = new Set(
  [
    'rise arise sunrise uprise concise precise excise incise circumcise exercise demise premise compromise',
    'surmise chemise promise expertise chastise advertise mortise treatise anise valise cerise merchandise',
    'paradise',
  ]
    .join(' ')
    .split(' '),
);
const ISE = /^([a-z]{3,})is(e|es|ed|ing|er|ers|able)$/;
const ISATION = /isation(s|al|ally)?$/;
const YSE = /^([a-z]{3,})ys(e|es|ed|ing|er|ers)$/;
/** centre, metre, litre, theatre (and centres, centred, centring); not acre or genre (no "t"), hatred, hamstring. */
const TRE = /^([a-z]{2,})tr(e|es|ed|ing)$/;
const TRE_KEEPS = /^hatred$|string$/;
/** Verbs that double the l in British English only (travelled, modelling, labeller). */
const LL = new RegExp(
  '^(travel|model|label|cancel|fuel|signal|level|channel|total|dial|panel|tunnel|counsel|marshal|pedal|rival|' +
    'equal|jewel|duel|funnel|shovel|barrel|enamel|pencil|quarrel|refuel|remodel|relabel|unravel|tinsel|grovel)' +
    'l(ed|ing|er|ers)$',
);

/** `word` (lower case, no possessive) in American spelling; unchanged when no rule applies. */
export function americanSpelling(word: string): string {
  const whole = WORDS[word] ?? WORDS[word.replace(/s$/, '')];
  if (whole) return word in WORDS ? whole : `${whole}s`;
  let w = word;
  for (const [from, to] of PARTS) w = w.replace(from, to);
  w = w.replace(ISATION, 'ization$1');
  const ise = ISE.exec(w);
  const iseBase = ise ? `${ise[1]}ise` : '';
  if (ise && !ISE_KEEPS.has(iseBase) && !ISE_KEEP_ENDS.some((e) => iseBase.endsWith(e))) w = `${ise[1]}iz${ise[2]}`;
  w = w.replace(YSE, '$1yz$2');
  const tre = TRE_KEEPS.test(w) ? null : TRE.exec(w);
  if (tre) w = `${tre[1]}ter${{ e: '', es: 's', ed: 'ed', ing: 'ing' }[tre[2]]}`;
  const our = OUR.exec(w);
  const ourBase = our ? `${our[1]}our` : '';
  if (our && !OUR_KEEPS.has(ourBase) && !OUR_KEEP_ENDS.some((e) => ourBase.endsWith(e))) {
    w = `${our[1]}or${our[2] ?? ''}`;
  }
  return w.replace(LL, '$1$2');
}

/**
 * Irregular forms and the word they are a form of. Left out on purpose: forms that are also another
 * common word (led/LED/lead, left, found, ground, saw, felt, fell, lay, bore, rose, spoke, smelt,
 * lives, leaves, bases), since there both meanings would match.
 */
const IRREGULAR_GROUPS = [
  // Plurals.
  'man men',
  'woman women',
  'child children',
  'foot feet',
  'tooth teeth',
  'goose geese',
  'mouse mice',
  'person people',
  'ox oxen',
  'analysis analyses',
  'axis axes',
  'crisis crises',
  'thesis theses',
  'hypothesis hypotheses',
  'diagnosis diagnoses',
  'synthesis syntheses',
  'parenthesis parentheses',
  'emphasis emphases',
  'index indices',
  'matrix matrices',
  'vertex vertices',
  'appendix appendices',
  'criterion criteria',
  'phenomenon phenomena',
  'stratum strata',
  'curriculum curricula',
  'formula formulae',
  'antenna antennae',
  'nucleus nuclei',
  'radius radii',
  'stimulus stimuli',
  'fungus fungi',
  'cactus cacti',
  'alumnus alumni',
  'focus foci',
  'knife knives',
  'wife wives',
  'half halves',
  'shelf shelves',
  'wolf wolves',
  'thief thieves',
  'loaf loaves',
  'calf calves',
  'scarf scarves',
  'hoof hooves',
  // Verbs: base, past, past participle (as far as they differ).
  'be was were been is are am',
  'have has had',
  'do does did done',
  'go goes went gone',
  'build built',
  'rebuild rebuilt',
  'make made',
  'remake remade',
  'sell sold',
  'resell resold',
  'buy bought',
  'bring brought',
  'hold held',
  'uphold upheld',
  'withhold withheld',
  'send sent',
  'spend spent',
  'win won',
  'grow grew grown',
  'outgrow outgrew outgrown',
  'drive drove driven',
  'write wrote written',
  'take took taken',
  'undertake undertook undertaken',
  'overtake overtook overtaken',
  'give gave given',
  'begin began begun',
  'choose chose chosen',
  'freeze froze frozen',
  'shake shook shaken',
  'steal stole stolen',
  'strike struck stricken',
  'understand understood',
  'stand stood',
  'withstand withstood',
  'fight fought',
  'seek sought',
  'teach taught',
  'think thought',
  'catch caught',
  'meet met',
  'keep kept',
  'sleep slept',
  'sweep swept',
  'deal dealt',
  'pay paid',
  'prepay prepaid',
  'say said',
  'tell told',
  'see seen',
  'oversee oversaw overseen',
  'know knew known',
  'throw threw thrown',
  'fly flew flown',
  'draw drew drawn',
  'withdraw withdrew withdrawn',
  'blow blew blown',
  'show shown',
  'run ran',
  'come came',
  'become became',
  'overcome overcame',
  'forget forgot forgotten',
  'get got gotten',
  'hide hid hidden',
  'ride rode ridden',
  'ring rang rung',
  'sing sang sung',
  'sink sank sunk',
  'swim swam swum',
  'wake woke woken',
  'wear wore worn',
  'tear tore torn',
  'hang hung',
  'dig dug',
  'stick stuck',
  'spin spun',
  'swing swung',
  'slide slid',
  'lend lent',
  'bend bent',
  'breed bred',
  'flee fled',
  'speed sped',
  'mislead misled',
  'shoot shot',
  'lose lost',
  'mean meant',
  'learn learnt',
  'burn burnt',
  'spell spelt',
  'dream dreamt',
  'arise arose arisen',
  'forbid forbade forbidden',
  'eat ate eaten',
  'fall fallen',
  'rise risen',
  'break broke broken',
  'speak spoken',
  'weave wove woven',
  'forecast forecasted',
];

const BASE_OF = new Map<string, string>();
for (const group of IRREGULAR_GROUPS) {
  const [base, ...forms] = group.split(' ');
  for (const f of forms) BASE_OF.set(f, base);
}

/** The word an irregular form is a form of (children → child, built → build), if it is one. */
export function irregularBase(word: string): string | undefined {
  return BASE_OF.get(word);
}

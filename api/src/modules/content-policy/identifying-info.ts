/**
 * Finds what could identify or locate a person in a chat message, so the writer is asked to
 * confirm before it reaches the group (PRODUCT.md threat 5: a stalker may be in the room).
 *
 * Tuned to Danish formats and to let ordinary numbers through: times (18.00, 18:00), dates
 * (24/3, 24.03.2026, 2026-03-24), counts, years, prices (1.250 kr, 12 500 kr).
 */
export type IdentifyingKind = 'cpr' | 'phone' | 'email' | 'address' | 'plate';

/** A number starts here: no digit just before, nor a digit and a separator (the "3" of "24.3"). */
const NUM_START = String.raw`(?<!\d)(?<!\d[.,/:-])`;
/** A number ends here: no digit after, nor a separator and a digit (the "18" of "18.00"). */
const NUM_END = String.raw`(?!\d)(?![.,/:-]\d)`;

// CPR: DDMMYY-XXXX, with a dash, a space or nothing; the date is checked below.
const CPR = new RegExp(String.raw`${NUM_START}(\d{2})(\d{2})(\d{2})[- ]?\d{4}${NUM_END}`, 'g');

// +45 / 0045 and eight digits, any single spaces or dashes between them.
const PHONE_PREFIXED = new RegExp(String.raw`(?:\+|(?<!\d)00)\s?45[\s-]?(?:\d[\s-]?){7}\d${NUM_END}`);
// Eight digits written as Danes write phone numbers: 12345678, 1234 5678, 12 34 56 78. A run of
// more numbers around it is something else.
const PHONE_LOCAL = new RegExp(
  String.raw`${NUM_START}(?<!\d )(?:\d{8}|\d{4} \d{4}|\d{2} \d{2} \d{2} \d{2})${NUM_END}(?! \d)`,
);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

// Street names end in these (Vestergade, Strandvejen, Nytorv, Hyldegårdsallé, …).
const STREET_ENDINGS = [
  'gade',
  'gaden',
  'vej',
  'vejen',
  'allé',
  'stræde',
  'strædet',
  'plads',
  'pladsen',
  'torv',
  'torvet',
  'boulevard',
  'boulevarden',
  'vænge',
  'vænget',
  'gyde',
  'gyden',
  'bakke',
  'bakken',
  'toften',
  'kaj',
  'kajen',
  'stien',
  'parken',
  'passagen',
  'promenaden',
];
// Or are two words, the second one of these (Nørre Allé, Gammel Have, H.C. Andersens Boulevard).
const STREET_WORDS = [
  'Allé',
  'Alle',
  'Vej',
  'Gade',
  'Plads',
  'Torv',
  'Boulevard',
  'Stræde',
  'Vænge',
  'Have',
  'Park',
  'Bakke',
  'Vang',
  'Høj',
  'Sti',
  'Kaj',
  'Passage',
];
// "stien 2 km", "vej 10 minutter": a number with a unit is a distance or a time, not a house.
const UNIT = String.raw`(?!\s*(?:km|m|min|minutter|minutes|mins|t|timer|hours|sek|gange|times|kr|dkk|%|procent|år|years|dage|days|uger|weeks|personer|people|stk)(?![\p{L}]))`;
const HOUSE_NUMBER = String.raw`\s+[1-9]\d{0,2}(?:\s?[a-zA-ZæøåÆØÅ](?![\p{L}\p{N}]))?${NUM_END}${UNIT}`;
const ADDRESS_COMPOUND = new RegExp(
  String.raw`(?<![\p{L}])\p{L}{2,}(?:${STREET_ENDINGS.join('|')})${HOUSE_NUMBER}`,
  'iu',
);
const ADDRESS_TWO_WORDS = new RegExp(
  String.raw`(?<![\p{L}])\p{Lu}[\p{L}.]*\s+(?:${STREET_WORDS.join('|')})${HOUSE_NUMBER}`,
  'u',
);

// Danish number plates: two capital letters and five digits (AB 12 345, AB12345). Lower case
// is left alone: "ca 12 500 kr" is a price.
const PLATE = new RegExp(String.raw`(?<![\p{L}\p{N}])[A-ZÆØÅ]{2}\s?\d{2}\s?\d{3}${NUM_END}`, 'u');

function isLeapYear(twoDigits: number): boolean {
  // 19yy and 20yy agree except for 00, where 2000 is a leap year (and 1900 is not; allowed anyway).
  return twoDigits % 4 === 0;
}

/** A real date of birth in DDMMYY. */
export function isCprDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function hasCpr(text: string): boolean {
  for (const match of text.matchAll(CPR)) {
    if (isCprDate(Number(match[1]), Number(match[2]), Number(match[3]))) return true;
  }
  return false;
}

/** The kinds of identifying information in the text (each at most once), in a fixed order. */
export function findIdentifyingInfo(text: string): IdentifyingKind[] {
  const found: IdentifyingKind[] = [];
  if (hasCpr(text)) found.push('cpr');
  // The number boundaries keep the ten digits of a CPR number from also counting as a phone number.
  if (PHONE_PREFIXED.test(text) || PHONE_LOCAL.test(text)) found.push('phone');
  if (EMAIL.test(text)) found.push('email');
  if (ADDRESS_COMPOUND.test(text) || ADDRESS_TWO_WORDS.test(text)) found.push('address');
  if (PLATE.test(text)) found.push('plate');
  return found;
}

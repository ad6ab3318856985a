import { confusableKeys } from './display-name-keys';
import {
  displayNameProblem,
  foldedKeys,
  hasStaffWord,
  nameMatchesLogin,
  normalizeDisplayName,
  STAFF_WORDS,
} from './display-names';

const participant = (name: string) =>
  displayNameProblem(normalizeDisplayName(name), { staff: false, keys: confusableKeys });
const staff = (name: string) => displayNameProblem(normalizeDisplayName(name), { staff: true, keys: confusableKeys });
const clash = (a: string, b: string) =>
  confusableKeys(normalizeDisplayName(a)).some((key) => confusableKeys(normalizeDisplayName(b)).includes(key));

describe('display names', () => {
  describe(normalizeDisplayName.name, () => {
    it('composes to NFC, turns the phone apostrophe into an ASCII one, and collapses and trims spaces', () => {
      expect(normalizeDisplayName('  A\u030Ase   Bo ')).toBe('\u00C5se Bo');
      expect(normalizeDisplayName('D\u2019Angelo')).toBe("D'Angelo");
    });

    it('leaves newlines, tabs and invisible characters in place, so they are refused rather than hidden', () => {
      expect(normalizeDisplayName('Anna\n')).toBe('Anna\n');
      expect(normalizeDisplayName('\tAnna')).toBe('\tAnna');
      expect(normalizeDisplayName('Anna\u200B')).toBe('Anna\u200B');
    });
  });

  describe(displayNameProblem.name, () => {
    it('accepts ordinary names in Danish and in other single scripts', () => {
      for (const name of [
        'Åse',
        'Søren Ærø',
        "D'Angelo",
        'Anne-Mette',
        'Bo K.',
        'Mette 2',
        'Анна',
        'Ελένη',
        'محمد',
        '山田 はなこ',
        '김민수',
        'Nguyễn',
      ]) {
        expect({ name, problem: participant(name) }).toEqual({ name, problem: null });
      }
    });

    it('refuses names shorter than 2 or longer than 32 characters (counted in characters, not UTF-16 units)', () => {
      expect(participant('A')).toBe('length');
      expect(participant('A'.repeat(33))).toBe('length');
      expect(participant('𝒜'.repeat(16) + 'a')).not.toBe('length');
    });

    it('refuses control, format, private-use and symbol characters', () => {
      const tricks = {
        zeroWidthSpace: 'An\u200Bna',
        zeroWidthJoiner: 'An\u200Dna',
        bidiOverride: 'Ev\u202Eli',
        bidiIsolate: 'Ev\u2066li',
        newline: 'Anna\nBo',
        trailingNewline: 'Anna\n',
        nul: 'Anna\u0000',
        tab: 'Anna\tBo',
        privateUse: 'Anna\uE000',
        softHyphen: 'An\u00ADna',
        noBreakSpace: 'Anna\u00A0Bo',
        emoji: 'Anna 🙂',
        brackets: 'Mette (staff)',
        unpairedSurrogate: 'Anna\uD800',
      };
      for (const [trick, name] of Object.entries(tricks))
        expect({ trick, problem: participant(name) }).toEqual({ trick, problem: 'characters' });
    });

    it('refuses names that begin with punctuation, hold no letter, or pile accents on one letter', () => {
      expect(participant("'Anna")).toBe('shape');
      expect(participant('-- 12')).toBe('shape');
      expect(participant('007')).toBe('shape');
      expect(participant('A\u0301\u0302\u0303\u0304na')).toBe('shape');
      expect(participant('A\u0301\u0302\u0303na')).toBeNull();
    });

    it('refuses a mix of scripts, such as Latin with Cyrillic or Greek look-alikes', () => {
      expect(participant('P\u0430ul')).toBe('scripts'); // Cyrillic а in a Latin name
      expect(participant('\u0391nna')).toBe('scripts'); // Greek Alpha
      expect(participant('Anna \u0661')).toBe('scripts'); // Arabic-Indic digit
      expect(participant('Анна Bo')).toBe('scripts');
    });

    it('refuses staff words for participants, folded for case, accents and look-alikes, at the start, the end or whole', () => {
      for (const name of [
        'Facilitator',
        'FACILITATOR',
        'facilitator anna',
        'Anna Moderator',
        'Fäcilitätor',
        'Faci1itator',
        'FaciIitator',
        'ADMlN',
        'Adrnin',
        'Moderat0r',
        'Tryg',
        'Personalet',
        'Ordstyrer-Bo',
        'Staff.A',
        'Koordinatoren',
      ]) {
        expect({ name, problem: participant(name) }).toEqual({ name, problem: 'staffWord' });
      }
    });

    it('lets staff use staff words, but not the other tricks', () => {
      expect(staff('Facilitator Mette')).toBeNull();
      expect(staff('Admin')).toBeNull();
      expect(staff('Facili\u200Btator')).toBe('characters');
      expect(staff('F\u0430cilitator')).toBe('scripts');
    });

    it('leaves a staff word in the middle of a name alone', () => {
      expect(participant('Bo Xadminx Lund')).toBeNull();
    });
  });

  describe(confusableKeys.name, () => {
    it('makes names that differ only in case, accents, look-alikes or separators clash', () => {
      expect(clash('Mette', 'mette')).toBe(true);
      expect(clash('Åse', 'ase')).toBe(true);
      expect(clash('Søren', 'Soren')).toBe(true);
      expect(clash('Ian', 'lan')).toBe(true); // capital I looks like a small L
      expect(clash('IDA', 'ida')).toBe(true);
      expect(clash('Mette', 'rnette')).toBe(true);
      expect(clash('Bo0', 'BoO')).toBe(true);
      expect(clash('Anna K', 'Anna-K.')).toBe(true);
      expect(clash('АВС', 'ABC')).toBe(true); // whole-script Cyrillic look-alike
    });

    it('keeps different names apart', () => {
      expect(clash('Anna', 'Anne')).toBe(false);
      expect(clash('lan', 'ian')).toBe(false);
      expect(clash('Bo', 'Bob')).toBe(false);
    });
  });

  describe(hasStaffWord.name, () => {
    it('catches the plain forms in the browser too, where no look-alike table is loaded', () => {
      for (const word of STAFF_WORDS) expect(hasStaffWord(word.toUpperCase(), foldedKeys)).toBe(true);
      expect(hasStaffWord('Anna', foldedKeys)).toBe(false);
      expect(displayNameProblem('Mödérator', { staff: false })).toBe('staffWord');
    });
  });

  describe(nameMatchesLogin.name, () => {
    it('finds a name that gives the login away, however it is written', () => {
      expect(nameMatchesLogin('Søren', 'søren')).toBe(true);
      expect(nameMatchesLogin('Anna K', 'anna.k')).toBe(true);
      expect(nameMatchesLogin('Ann4', 'ann4')).toBe(true);
      expect(nameMatchesLogin('Iben', 'lben', confusableKeys)).toBe(true);
      expect(nameMatchesLogin('Solsikke', 'sol.vej')).toBe(false);
      expect(nameMatchesLogin('Solsikke', '')).toBe(false);
    });
  });
});

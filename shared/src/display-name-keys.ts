import unhomoglyph from 'unhomoglyph';
import { compactName, type DisplayNameKeyer, foldCaseAndAccents } from './display-names';

/**
 * UTS #39 skeleton: NFD, each character replaced by its prototype from Unicode's confusables
 * table (the maintained `unhomoglyph` package carries it), NFD again. "раураl" (Cyrillic) and
 * "paypal" share one skeleton. Server side only: the table is ~100 KB, too much for the web bundle.
 */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/**
 * A name's comparison keys, with case, accents, look-alikes and separators folded. Two: the
 * skeleton as typed, then folded (catches capital I posing as l: "Ian" / "lan"), and the
 * skeleton of the folded name (catches case: "IDA" / "ida", and "m" / "rn"). Names clash when
 * they share a key.
 */
export const confusableKeys: DisplayNameKeyer = (name) => {
  const asTyped = compactName(foldCaseAndAccents(confusableSkeleton(name)));
  const folded = compactName(foldCaseAndAccents(confusableSkeleton(foldCaseAndAccents(name))));
  return asTyped === folded ? [folded] : [folded, asTyped];
};

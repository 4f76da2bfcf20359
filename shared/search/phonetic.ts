import { normalize } from './normalize';

/*
 * Kölner Phonetik (Hans Joachim Postel, 1969): German words that sound alike
 * get the same code, so "Meyer" finds Meier, Maier and Mayer. Our own
 * implementation of the published table rather than the npm package
 * cologne-phonetic, which codes a final C as 4 and C/K/Q before X as 8
 * (the table says 8 and 4) and offers no uncollapsed code to test against.
 */

const VOWELS = 'aeijouy';
/** `set` holds `letter`; '' (no neighbour) is in no set. */
const among = (set: string, letter: string) => letter !== '' && set.includes(letter);

function letterCode(letter: string, previous: string, next: string, first: boolean): string {
  if (among(VOWELS, letter)) return '0';
  switch (letter) {
    case 'h':
      return '';
    case 'b':
      return '1';
    case 'p':
      return next === 'h' ? '3' : '1';
    case 'd':
    case 't':
      return among('csz', next) ? '8' : '2';
    case 'f':
    case 'v':
    case 'w':
      return '3';
    case 'g':
    case 'k':
    case 'q':
      return '4';
    case 'c':
      if (first) return among('ahkloqrux', next) ? '4' : '8';
      return !among('sz', previous) && among('ahkoqux', next) ? '4' : '8';
    case 'x':
      return among('ckq', previous) ? '8' : '48';
    case 'l':
      return '5';
    case 'm':
    case 'n':
      return '6';
    case 'r':
      return '7';
    case 's':
    case 'z':
      return '8';
    default:
      return '';
  }
}

/** The code of every letter before duplicates and zeros are removed ("Müller-Lüdenscheidt": 60550750206880022). */
export function colognePhoneticDigits(text: string): string {
  const letters = normalize(text).replace(/[^a-z]/g, '');
  let digits = '';
  for (let i = 0; i < letters.length; i++) {
    digits += letterCode(letters[i]!, letters[i - 1] ?? '', letters[i + 1] ?? '', i === 0);
  }
  return digits;
}

/** The Kölner Phonetik code of a word ("Müller-Lüdenscheidt": 65752682); '' for a word without Latin letters. */
export function colognePhonetic(text: string): string {
  const collapsed = colognePhoneticDigits(text).replace(/(\d)\1+/g, '$1');
  return collapsed.slice(0, 1) + collapsed.slice(1).replace(/0/g, '');
}

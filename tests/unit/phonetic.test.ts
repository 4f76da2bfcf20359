import { describe, expect, it } from 'vitest';
import { normalize, phoneDigits, words } from '../../shared/search/normalize';
import { colognePhonetic, colognePhoneticDigits } from '../../shared/search/phonetic';

describe('Kölner Phonetik', () => {
  it.each([
    // The published examples: every letter's code, then without repeats and zeros.
    ['Müller-Lüdenscheidt', '60550750206880022', '65752682'],
    ['Wikipedia', '304010200', '3412'],
    ['Breschnew', '17088603', '17863'],
  ])('codes %s as %s, then %s', (word, digits, code) => {
    expect(colognePhoneticDigits(word)).toBe(digits);
    expect(colognePhonetic(word)).toBe(code);
  });

  it.each([
    [['Meier', 'Maier', 'Meyer', 'Mayer'], '67'],
    [['Schmidt', 'Schmitt', 'Schmid'], '862'],
    [['Schröder', 'Schroeder', 'SCHRODER'], '8727'],
    [['Müller', 'Mueller', 'Muller'], '657'],
    [['Philipp', 'Filip'], '351'],
    [['Weiß', 'Weiss'], '38'],
  ])('gives %j one code', (names, code) => {
    for (const name of names) expect(colognePhonetic(name)).toBe(code);
  });

  it('follows the table for C and X in their contexts', () => {
    expect(colognePhonetic('Cäsar')).toBe('487'); // initial C before A: 4
    expect(colognePhonetic('Celle')).toBe('85'); // initial C before E: 8
    expect(colognePhonetic('Lubic')).toBe('518'); // C at the end: 8
    expect(colognePhonetic('Sachs')).toBe('848'); // C before H: 4, not after S
    expect(colognePhonetic('Dickx')).toBe('248'); // X after K: 8, and K stays 4
    expect(colognePhonetic('Xaver')).toBe('4837'); // X elsewhere: 48
    expect(colognePhonetic('Hexe')).toBe('048'); // H is not coded, a leading vowel's 0 stays
    expect(colognePhonetic('李')).toBe('');
  });
});

describe('normalisation', () => {
  it('drops case and accents and writes ß as ss', () => {
    expect(normalize('Jörg WEIß, Renée Çelik')).toBe('jorg weiss, renee celik');
    expect(words('  Müller-Lüdenscheidt, Anna ')).toEqual(['muller', 'ludenscheidt', 'anna']);
  });

  it('writes one phone number one way', () => {
    for (const phone of ['0171 / 234 56 78', '+49 171 2345678', '+49 (0)171 234-5678', '0049 171 2345678']) expect(phoneDigits(phone)).toBe('01712345678');
    expect(phoneDigits('+43 1 234567')).toBe('00431234567');
  });
});

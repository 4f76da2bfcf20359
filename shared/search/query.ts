import type { Contact } from '../schemas/contact';
import { normalize, phoneDigits, words } from './normalize';
import { colognePhonetic } from './phonetic';

/*
 * Search compares a query with two precomputed strings per contact:
 *   key   \x01name\x01name\x01\x02code\x02code\x02   (name words normalised, their Kölner Phonetik codes)
 *   rest  digits digits\x03e-mails and city
 * A few strings instead of arrays of words keep a scan over 50,000 contacts at
 * a few milliseconds however the contacts lie in memory (with arrays it was
 * three to five times slower once memory order and name order drifted apart);
 * two instead of one spare the name lookups from reading the e-mail addresses.
 * Beside them, which pairs of neighbouring characters each holds (SearchKey's
 * masks): most contacts lack a pair of the query word where it looks and are
 * passed over without a string search (at 50,000 contacts a scan went from
 * about 4 to 1–2.5 ms; single letters as masks gave less, most e-mail
 * addresses hold most letters).
 */
const NAME = '\x01';
const CODE = '\x02';
const TEXT = '\x03';
const NAME_CODE = NAME.charCodeAt(0);

/** What search reads of one contact; `textAt` says where the text starts in `rest`. */
export interface SearchKey {
  key: string;
  rest: string;
  textAt: number;
  /**
   * Which pairs of neighbouring characters occur in the name words, in the
   * phonetic codes and in `rest` (pairsOf). A query word's pairs must all
   * occur where it looks, so a contact lacking one is passed over without
   * reading its strings: that skips most of the string searches of a scan.
   */
  namePairs: number;
  codePairs: number;
  restPairs: number;
}

/**
 * The pairs of neighbouring characters of a text, each folded onto one of 30
 * bits (below 30, so that V8 keeps the masks small integers: a heap number
 * made the scan slower than no mask). Text that contains a word contains
 * its pairs, so `pairsOf(word)` lies within `pairsOf(text)` whenever the word
 * is in it.
 */
function pairsOf(text: string): number {
  let pairs = 0;
  for (let i = 1; i < text.length; i++) pairs |= 1 << ((text.charCodeAt(i - 1) * 31 + text.charCodeAt(i)) % 30);
  return pairs;
}

/** Whether `have` holds every bit of `need`. */
const holds = (have: number, need: number) => (have & need) === need;

type Searchable = Pick<Contact, 'firstName' | 'lastName' | 'email' | 'extraEmails' | 'phone' | 'mobile' | 'extraPhones' | 'city'>;

/**
 * A name's words and their phonetic codes, remembered: names repeat a lot (a
 * customer base of 50,000 has a few thousand distinct ones), and the contact
 * index computes a key for every contact at start. Emptied when full, so that
 * a long-running process does not grow it without end.
 */
const nameParts = new Map<string, { names: readonly string[]; codes: readonly string[] }>();
const NAME_PARTS_KEPT = 20_000;

function partsOf(name: string) {
  let parts = nameParts.get(name);
  if (!parts) {
    if (nameParts.size >= NAME_PARTS_KEPT) nameParts.clear();
    const names = words(name);
    const codes = names.map(colognePhonetic);
    parts = { names, codes };
    nameParts.set(name, parts);
  }
  return parts;
}

export function searchKey(contact: Searchable): SearchKey {
  const first = partsOf(contact.firstName);
  const last = partsOf(contact.lastName);
  const names = [...first.names, ...last.names];
  const codes = [...first.codes, ...last.codes];
  const phones = [contact.phone, contact.mobile, ...(contact.extraPhones ?? [])].filter((phone) => phone !== undefined);
  // Numbers as normalised (0171…) and as typed (49171…), so either way of typing finds them.
  const digits = [...new Set(phones.flatMap((phone) => [phoneDigits(phone), phone.replace(/\D/g, '')]))].join(' ');
  // Each on its own: most e-mail addresses are ASCII and take normalize's fast way.
  const text = [contact.email, ...(contact.extraEmails ?? []), contact.city]
    .filter((part): part is string => part !== undefined && part !== '')
    .map(normalize)
    .join('\n');
  const rest = `${digits}${TEXT}${text}`;
  const nameSection = `${NAME}${names.join(NAME)}${NAME}`;
  const codeSection = `${CODE}${codes.join(CODE)}${CODE}`;
  return {
    key: nameSection + codeSection,
    rest,
    textAt: digits.length + 1,
    namePairs: pairsOf(nameSection),
    codePairs: pairsOf(codeSection),
    restPairs: pairsOf(rest),
  };
}

/** How well a query word matched; a contact's rank is the sum over the query's words, lower is better. */
export const matchRank = { exact: 0, prefix: 1, phonetic: 2, substring: 3 } as const;

/** One word of a query, with what it looks for in a SearchKey. */
export interface QueryTerm {
  /** `\x01part` for each part of the word ("müller-lüdenscheidt" has two): every part must start a name word. */
  names: string[];
  /** `\x02code\x02` for each part, '' where the part is too short for phonetics. */
  codes: string[];
  text: string;
  /** Phone digits, for a word of at least three digits. */
  digits?: string;
  /** The pairs of characters (pairsOf) of each part's `names` and `codes` entry, of the text and of the phone digits. */
  namePairs: number[];
  codePairs: number[];
  textPairs: number;
  digitsPairs: number;
}

const PHONE = /^[\d\s+()/.-]+$/;
const hasThreeDigits = (text: string) => /(?:\d\D*){3}/.test(text);
// Codes of one or two letters match too many names to be useful.
const MIN_PHONETIC_LENGTH = 3;

function term(word: string, phone?: string): QueryTerm {
  const parts = words(word);
  const names = parts.map((part) => NAME + part);
  // A word with digits is no name (an invitation code, a house number): its letters alone would sound like names.
  const codes = parts.map((part) => (part.length >= MIN_PHONETIC_LENGTH && !/\d/.test(part) ? CODE + colognePhonetic(part) + CODE : ''));
  const digits = phone ?? (PHONE.test(word) && hasThreeDigits(word) ? phoneDigits(word) : undefined);
  return {
    names,
    codes,
    text: word,
    digits,
    namePairs: names.map(pairsOf),
    codePairs: codes.map(pairsOf),
    textPairs: pairsOf(word),
    digitsPairs: pairsOf(digits ?? ''),
  };
}

/** A query as the words that must all match; a query that is one phone number ("0171 234 56 78") is one word. */
export function parseQuery(query: string): QueryTerm[] {
  const text = normalize(query).trim();
  if (PHONE.test(text) && hasThreeDigits(text)) return [term(text.replace(/\s/g, ''), phoneDigits(text))];
  return text.split(/[\s,;]+/).filter(Boolean).map((word) => term(word));
}

/** How part `i` of a query word matches the contact's name words: exact, as a prefix, by its sound, or not. */
function nameRank(entry: SearchKey, term: QueryTerm, i: number): number | undefined {
  const { key } = entry;
  const name = term.names[i]!;
  let at = holds(entry.namePairs, term.namePairs[i]!) ? key.indexOf(name) : -1;
  if (at === -1) {
    const code = term.codes[i]!;
    return code !== '' && holds(entry.codePairs, term.codePairs[i]!) && key.includes(code) ? matchRank.phonetic : undefined;
  }
  do {
    if (key.charCodeAt(at + name.length) === NAME_CODE) return matchRank.exact;
    at = key.indexOf(name, at + 1);
  } while (at !== -1);
  return matchRank.prefix;
}

function termRank(entry: SearchKey, term: QueryTerm): number | undefined {
  const { names, text, digits } = term;
  let rank: number | undefined = names.length > 0 ? matchRank.exact : undefined;
  for (let i = 0; i < names.length && rank !== undefined; i++) {
    const part = nameRank(entry, term, i);
    rank = part === undefined ? undefined : Math.max(rank, part);
  }
  if (rank !== undefined) return rank;
  const { rest, restPairs } = entry;
  // A single letter finds names starting with it, not every address that contains it.
  if (text.length > 1 && holds(restPairs, term.textPairs) && rest.indexOf(text, entry.textAt) !== -1) {
    return matchRank.substring;
  }
  if (digits !== undefined && holds(restPairs, term.digitsPairs) && rest.includes(digits)) return matchRank.substring;
  return undefined;
}

/** The contact's rank for the query (lower is better), or undefined when one of its words does not match. */
export function rankMatch(contact: SearchKey, terms: readonly QueryTerm[]): number | undefined {
  let sum = 0;
  for (const one of terms) {
    const rank = termRank(contact, one);
    if (rank === undefined) return undefined;
    sum += rank;
  }
  return sum;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, words } from '../../shared/search/normalize';
import { parseQuery, rankMatch, searchKey } from '../../shared/search/query';

/*
 * Search passes over a contact whose strings lack a pair of neighbouring
 * characters of the query without reading them (the masks in
 * shared/search/query.ts).
 * That must never lose a match: whatever part of a contact is typed, she is
 * found.
 */

const letters = 'abcdefghijklmnopqrstuvwxyzäöüßéàçøł-';
const text = (min: number, max: number, alphabet: string) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((chars) => chars.join(''));
const capitalised = text(1, 10, letters).map((word) => word.charAt(0).toUpperCase() + word.slice(1));
const contact = fc.record({
  firstName: capitalised,
  lastName: fc.array(capitalised, { minLength: 1, maxLength: 2 }).map((parts) => parts.join(' ')),
  email: fc.option(fc.tuple(text(1, 12, 'abcdefghijklmnopqrstuvwxyz0123456789._'), text(2, 8, 'abcdefghijklmnopqrstuvwxyz')).map(([local, domain]) => `${local}@${domain}.de`), { nil: undefined }),
  city: fc.option(capitalised, { nil: undefined }),
  phone: fc.option(text(6, 12, '0123456789 ').map((digits) => `0${digits}`), { nil: undefined }),
});

const found = (person: Parameters<typeof searchKey>[0], query: string) => rankMatch(searchKey(person), parseQuery(query)) !== undefined;

describe('search keys', () => {
  it('finds a contact by the start of any of her name words, typed as in the list', () => {
    fc.assert(
      fc.property(contact, fc.nat(), fc.integer({ min: 1, max: 10 }), (person, pick, length) => {
        const nameWords = words(`${person.firstName} ${person.lastName}`);
        fc.pre(nameWords.length > 0);
        const word = nameWords[pick % nameWords.length]!;
        expect(found(person, word.slice(0, length))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds a contact by any two or more characters of her e-mail address or city, and by her phone number', () => {
    fc.assert(
      fc.property(contact, fc.constantFrom('email', 'city'), fc.nat(), fc.integer({ min: 2, max: 12 }), (person, field, from, length) => {
        const value = normalize(person[field] ?? '');
        fc.pre(value.length >= 2);
        const start = from % (value.length - 1);
        const typed = value.slice(start, start + length);
        // A query is split into words at spaces, commas and semicolons; each word must match.
        fc.pre(typed.length >= 2 && !/[\s,;]/.test(typed));
        expect(found(person, typed)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(contact, (person) => {
        fc.pre(person.phone !== undefined && person.phone.replace(/\D/g, '').length >= 3);
        expect(found(person, person.phone!)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

import { nanoid } from 'nanoid';
import type { ParsedInputOf, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Contact } from '../../shared/schemas/contact';
import type { Store } from '../store/store';
import { applyPatch } from './patch';

/** Lower case without accents, so "Müller" is found by "muller" and "mueller"-free typing alike. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

const collator = new Intl.Collator('de', { sensitivity: 'base' });
const byName = (a: Contact, b: Contact) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

function matches(contact: Contact, words: string[]): boolean {
  const haystack = normalize([contact.firstName, contact.lastName, contact.email, contact.city, contact.postalCode].join(' '));
  const digits = contact.phone?.replace(/\D/g, '') ?? '';
  return words.every((word) => haystack.includes(word) || (/^\d+$/.test(word) && digits.includes(word)));
}

export function contactService(store: Store) {
  const existing = (id: string): Contact => {
    const found = store.contact(id);
    if (!found) throw new AppError('NOT_FOUND', 'errors.contactNotFound');
    return found;
  };

  return {
    async create(input: ParsedInputOf<'contacts.create'>): Promise<Contact> {
      const now = new Date().toISOString();
      const id = nanoid();
      return store.saveContact(id, () => ({ ...input, tags: input.tags ?? [], id, createdAt: now, updatedAt: now }));
    },

    list(input: ParsedInputOf<'contacts.list'>): OutputOf<'contacts.list'> {
      const words = normalize(input.query ?? '').split(/\s+/).filter(Boolean);
      const found = [...store.contacts()].filter((contact) => matches(contact, words)).sort(byName);
      return { items: found.slice(input.offset, input.offset + input.limit), total: found.length };
    },

    get: ({ id }: ParsedInputOf<'contacts.get'>): Contact => existing(id),

    update({ id, ...patch }: ParsedInputOf<'contacts.update'>): Promise<Contact> {
      existing(id);
      return store.saveContact(id, (current) => {
        if (!current) throw new AppError('NOT_FOUND', 'errors.contactNotFound');
        return applyPatch(current, { ...patch, tags: patch.tags ?? current.tags, updatedAt: new Date().toISOString() });
      });
    },
  };
}

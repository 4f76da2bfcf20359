import { screen, within } from '@testing-library/react';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { ConsentChannel, ConsentInput } from '../../shared/schemas/consent';

type Api = <K extends OperationName>(operation: K, input: InputOf<K>) => Promise<OutputOf<K>>;

export interface Person {
  firstName: string;
  lastName: string;
  street?: string;
  postalCode?: string;
  city?: string;
  email?: string;
  birthday?: string;
  /** Channels she consented to (for marketing). */
  consents?: ConsentChannel[];
  points?: number;
  status?: 'paused' | 'left';
}

/** Tiers by points, so a test sets a member's tier with one adjustment instead of orders. */
export const pointTiers = (api: Api) =>
  api('club.settings.update', {
    tierBasis: 'points',
    tiers: [
      { name: 'Bronze', threshold: 0 },
      { name: 'Silber', threshold: 100 },
      { name: 'Gold', threshold: 500 },
    ],
  });

/** A contact who joined the club through the API, as the contact page would do it. */
export async function addMember(api: Api, { consents = [], points, status, ...fields }: Person) {
  const contact = await api('contacts.create', {
    ...fields,
    consents: consents.map((channel): ConsentInput => ({ channel, purpose: 'marketing', granted: true, source: 'form', wording: 'Ja, gern.' })),
  });
  await api('club.join', { contactId: contact.id });
  if (points) await api('club.addPoints', { contactId: contact.id, kind: 'adjustment', points, reason: 'Startguthaben' });
  if (status === 'paused') await api('club.setStatus', { contactId: contact.id, status: 'paused' });
  if (status === 'left') await api('club.leave', { contactId: contact.id });
  return contact;
}

const memberList = () => within(screen.getByRole('region', { name: 'Mitgliederliste' }));

/** The members the table shows, in its order, read from each row's "… auswählen" checkbox. */
export const shownMembers = () =>
  memberList()
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('checkbox').getAttribute('aria-label')!.replace(/ auswählen$/, ''));

/** The table's column headers, in order (after the selection column). */
export const shownColumns = () =>
  memberList()
    .getAllByRole('columnheader')
    .slice(1)
    .map((header) => header.textContent);

/** The row of a member, by name. */
export const memberRow = (name: string) => memberList().getByRole('checkbox', { name: `${name} auswählen` }).closest('tr')!;

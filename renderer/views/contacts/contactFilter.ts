import { consentChannels, consentPurposes, type ConsentChannel, type ConsentPurpose } from '../../../shared/schemas/consent';
import type { ContactFilter } from '../../../shared/schemas/contact-filter';

/** The filter controls as set on screen; `toContactFilter` turns them into the contract's filter. */
export interface FilterState {
  query: string;
  tags: string[];
  place: string;
  /** "1".."12" or null. */
  birthdayMonth: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  /** "email:marketing" and the like, or null. */
  consent: string | null;
  /** Events the contacts were invited to ("war eingeladen zu"). */
  invitedTo: string[];
  /** Only those who said yes at one of those events ("hat zugesagt bei"). */
  acceptedOnly: boolean;
}

export const emptyFilter: FilterState = {
  query: '',
  tags: [],
  place: '',
  birthdayMonth: null,
  hasEmail: false,
  hasPhone: false,
  consent: null,
  invitedTo: [],
  acceptedOnly: false,
};

export const consentOptions = consentChannels.flatMap((channel) => consentPurposes.map((purpose) => `${channel}:${purpose}`));

/** Leaves out what is not set, so an empty filter matches everybody. */
export function toContactFilter(state: FilterState): ContactFilter {
  const filter: ContactFilter = {};
  if (state.query.trim()) filter.query = state.query.trim();
  if (state.tags.length > 0) filter.tags = state.tags;
  if (state.place.trim()) filter.place = state.place.trim();
  if (state.birthdayMonth) filter.birthdayMonth = Number(state.birthdayMonth);
  if (state.hasEmail) filter.hasEmail = true;
  if (state.hasPhone) filter.hasPhone = true;
  if (state.consent) {
    const [channel, purpose] = state.consent.split(':') as [ConsentChannel, ConsentPurpose];
    filter.consent = { channel, purpose };
  }
  if (state.invitedTo.length > 0) filter.invitedTo = { eventIds: state.invitedTo, ...(state.acceptedOnly ? { rsvp: ['yes'] } : {}) };
  return filter;
}

/** Whether anything beyond the free-text search narrows the list. */
export const hasFilters = (state: FilterState) => Object.keys(toContactFilter({ ...state, query: '' })).length > 0;

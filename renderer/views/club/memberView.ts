import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { MemberColumnId } from '../../../shared/club/columns';
import { defaultMemberColumns, memberColumn, memberSort, memberStatuses, type MemberFilter, type MemberView, type MemberViewInput } from '../../../shared/schemas/club';
import { isoDate } from '../../../shared/schemas/common';
import { consentChannels } from '../../../shared/schemas/consent';
import { parseGermanDate } from '../../forms/dates';
import { centsToInput, parseMoney } from '../../forms/money';

/** The filters as set on screen: typed dates and amounts stay as typed until they read as one. */
const filterState = z.object({
  query: z.string(),
  /** Empty means every status. */
  statuses: z.array(z.enum(memberStatuses)),
  tiers: z.array(z.string()),
  place: z.string(),
  /** "1".."12" or null. */
  birthdayMonth: z.string().nullable(),
  consent: z.enum(consentChannels).nullable(),
  lastPurchaseAfter: z.string(),
  lastPurchaseBefore: z.string(),
  spendMin: z.string(),
  spendMax: z.string(),
  tags: z.array(z.string()),
});
export type FilterState = z.infer<typeof filterState>;

/** The member list as set on screen, with the saved view it came from (which "Ansicht speichern" overwrites). */
const viewState = z.object({
  filters: filterState,
  columns: z.array(memberColumn).min(1),
  sort: memberSort,
  savedViewId: z.string().nullable(),
});
export type ViewState = z.infer<typeof viewState>;
export type Sort = ViewState['sort'];

export const emptyFilters: FilterState = {
  query: '',
  statuses: ['active'],
  tiers: [],
  place: '',
  birthdayMonth: null,
  consent: null,
  lastPurchaseAfter: '',
  lastPurchaseBefore: '',
  spendMin: '',
  spendMax: '',
  tags: [],
};

export const defaultView: ViewState = { filters: emptyFilters, columns: [...defaultMemberColumns], sort: [], savedViewId: null };

export const typedDateFields = ['lastPurchaseAfter', 'lastPurchaseBefore'] as const;
export const typedMoneyFields = ['spendMin', 'spendMax'] as const;
type TypedField = (typeof typedDateFields)[number] | (typeof typedMoneyFields)[number];

/** "14.03.2026" -> "2026-03-14"; undefined when empty, else an error key when it is no date. */
function readDate(text: string): { value?: string; error?: string } {
  if (text.trim() === '') return {};
  const iso = parseGermanDate(text);
  if (!iso) return { error: 'validation.dateFormat' };
  return isoDate.safeParse(iso).success ? { value: iso } : { error: 'validation.date' };
}

function readMoney(text: string): { value?: number; error?: string } {
  if (text.trim() === '') return {};
  const cents = parseMoney(text);
  return cents === null ? { error: 'validation.money' } : { value: cents };
}

/** The typed fields that do not read as a date or an amount (and so filter nothing yet), with their error keys. */
export function filterErrors(state: FilterState): Partial<Record<TypedField, string>> {
  const errors: Partial<Record<TypedField, string>> = {};
  for (const field of typedDateFields) errors[field] = readDate(state[field]).error;
  for (const field of typedMoneyFields) errors[field] = readMoney(state[field]).error;
  return errors;
}

/** The contract's filter: what is not set (or not readable yet) is left out. */
export function toMemberFilter(state: FilterState): MemberFilter {
  const filter: MemberFilter = { statuses: state.statuses.length > 0 ? state.statuses : [...memberStatuses] };
  if (state.query.trim()) filter.query = state.query.trim();
  if (state.tiers.length > 0) filter.tiers = state.tiers;
  if (state.place.trim()) filter.place = state.place.trim();
  if (state.birthdayMonth) filter.birthdayMonth = Number(state.birthdayMonth);
  if (state.consent) filter.consent = { channel: state.consent };
  const after = readDate(state.lastPurchaseAfter).value;
  if (after) filter.lastPurchaseAfter = after;
  const before = readDate(state.lastPurchaseBefore).value;
  if (before) filter.lastPurchaseBefore = before;
  const min = readMoney(state.spendMin).value;
  if (min !== undefined) filter.spendMinCents = min;
  const max = readMoney(state.spendMax).value;
  if (max !== undefined) filter.spendMaxCents = max;
  if (state.tags.length > 0) filter.tags = state.tags;
  return filter;
}

/** "2026-03-14" -> "14.03.2026", as typed into a date field. */
const germanDate = (iso: string | undefined) => (iso ? iso.split('-').reverse().join('.') : '');

/** A saved view's filters back in the fields' notation. */
function fromMemberFilter(filter: MemberView['filters']): FilterState {
  return {
    query: filter.query ?? '',
    statuses: filter.statuses,
    tiers: filter.tiers ?? [],
    place: filter.place ?? '',
    birthdayMonth: filter.birthdayMonth ? String(filter.birthdayMonth) : null,
    consent: filter.consent?.channel ?? null,
    lastPurchaseAfter: germanDate(filter.lastPurchaseAfter),
    lastPurchaseBefore: germanDate(filter.lastPurchaseBefore),
    spendMin: filter.spendMinCents === undefined ? '' : centsToInput(filter.spendMinCents),
    spendMax: filter.spendMaxCents === undefined ? '' : centsToInput(filter.spendMaxCents),
    tags: filter.tags ?? [],
  };
}

export const toMemberView = (state: ViewState): MemberViewInput => ({ filters: toMemberFilter(state.filters), columns: state.columns, sort: state.sort });

export const fromSavedView = (id: string, view: MemberView): ViewState => ({
  filters: fromMemberFilter(view.filters),
  columns: view.columns,
  sort: view.sort,
  savedViewId: id,
});

/** Whether any filter differs from the default (active members, nothing else). */
export const hasFilters = (state: FilterState) =>
  (Object.keys(emptyFilters) as (keyof FilterState)[]).some((key) => JSON.stringify(state[key]) !== JSON.stringify(emptyFilters[key]));

/** A header click sorts by its column ascending, then descending, then not at all. */
export function nextSort(sort: Sort, column: MemberColumnId): Sort {
  const current = sort[0]?.column === column ? sort[0].direction : undefined;
  if (current === undefined) return [{ column, direction: 'asc' }];
  return current === 'asc' ? [{ column, direction: 'desc' }] : [];
}

const storageKey = 'kundenkreis.club.view';

function readStoredView(): ViewState {
  try {
    const parsed = viewState.safeParse(JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'));
    return parsed.success ? parsed.data : defaultView;
  } catch {
    return defaultView;
  }
}

/** The member list's view for this session: it survives leaving the page and coming back, not a restart. */
export function useViewState(): [ViewState, (next: ViewState) => void] {
  const [state, setState] = useState(readStoredView);
  useEffect(() => sessionStorage.setItem(storageKey, JSON.stringify(state)), [state]);
  return [state, setState];
}

import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import type { MemberRow } from '../../shared/schemas/club';
import type { Store } from '../store/store';

// PLACEHOLDER — the club helper replaces this module.
const todo = (): never => {
  throw new Error('not implemented yet');
};

/** Every member the filters match, in the sort's order: the rows of the list, of bulk actions and of exports. */
export function memberRows(store: Store, filters: ParsedInputOf<'club.members'>['filters'], sort: ParsedInputOf<'club.members'>['sort']): MemberRow[] {
  void store;
  void filters;
  void sort;
  return todo();
}

export function clubService(store: Store) {
  void store;
  return {
    settingsGet: (): OutputOf<'club.settings.get'> => todo(),
    settingsUpdate: (_input: ParsedInputOf<'club.settings.update'>): Promise<OutputOf<'club.settings.update'>> => todo(),
    join: (_input: ParsedInputOf<'club.join'>): Promise<OutputOf<'club.join'>> => todo(),
    leave: (_input: ParsedInputOf<'club.leave'>): Promise<OutputOf<'club.leave'>> => todo(),
    setStatus: (_input: ParsedInputOf<'club.setStatus'>): Promise<OutputOf<'club.setStatus'>> => todo(),
    addPoints: (_input: ParsedInputOf<'club.addPoints'>): Promise<OutputOf<'club.addPoints'>> => todo(),
    members: (_input: ParsedInputOf<'club.members'>): OutputOf<'club.members'> => todo(),
    memberIds: (_input: ParsedInputOf<'club.memberIds'>): OutputOf<'club.memberIds'> => todo(),
    member: (_input: ParsedInputOf<'club.member'>): OutputOf<'club.member'> => todo(),
    tiers: (): OutputOf<'club.tiers'> => todo(),
    viewsList: (): OutputOf<'club.views.list'> => todo(),
    viewsSave: (_input: ParsedInputOf<'club.views.save'>): Promise<OutputOf<'club.views.save'>> => todo(),
    viewsDelete: (_input: ParsedInputOf<'club.views.delete'>): Promise<OutputOf<'club.views.delete'>> => todo(),
  };
}

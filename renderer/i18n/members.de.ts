/**
 * German texts of one membership (contact page panel, points, card), the club
 * settings and the club's printouts (labels, birthday list, member list).
 * Merged in de.ts.
 */
export const membersDe = {
  membership: {
    title: 'Kundenclub',
  },
};

/**
 * German texts of the customer club's member list, its saved views, bulk
 * actions and the export dialog. Kept apart from de.ts so several people can
 * add texts at once; merged there.
 */
export const clubDe = {
  club: {
    title: 'Kundenclub',
  },
};

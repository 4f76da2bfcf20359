import type { clubDe } from './club.de';
import type { Texts } from './de';

/** English texts of the member list and exports (see club.de.ts). */
export const clubEn: Texts<typeof clubDe> = {
  club: {
    title: 'Customer club',
  },
};

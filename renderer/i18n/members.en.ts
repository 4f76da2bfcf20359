import type { membersDe } from './members.de';
import type { Texts } from './de';

/** English texts of memberships, club settings and club printouts (see members.de.ts). */
export const membersEn: Texts<typeof membersDe> = {
  membership: {
    title: 'Customer club',
  },
};

import type { clubErrorsDe, clubValidationDe } from './club-errors.de';
import type { Texts } from './de';

export const clubValidationEn: Texts<typeof clubValidationDe> = {
  memberNumberFormat: 'The format needs exactly one placeholder {n} for the running number, e.g. KC-{n:5}.',
  tiersAscending: 'Tier thresholds must go up.',
  tiersUnique: 'Each tier needs a name of its own.',
  pointsNotZero: 'Please enter a number of points other than 0.',
  notEnoughPoints: 'Not enough points: at most the current balance can be redeemed.',
  redemptionPositive: 'To redeem, please enter the number of points without a minus sign.',
  tooManyTags: 'A contact can carry at most 50 tags.',
};

export const clubErrorsEn: Texts<typeof clubErrorsDe> = {
  alreadyMember: 'This person is already a member of the customer club.',
  notMember: 'This person is not a member of the customer club.',
  memberLeft: 'This person has left the customer club. The membership can be changed again only after rejoining.',
  viewNotFound: 'This saved view does not exist (any more).',
};

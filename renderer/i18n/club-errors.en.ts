import type { clubErrorsDe, clubValidationDe } from './club-errors.de';
import type { Texts } from './de';

export const clubValidationEn: Texts<typeof clubValidationDe> = {
  memberNumberFormat: 'The format needs exactly one placeholder {n} for the running number, e.g. KC-{n:5}.',
  tiersAscending: 'Tier thresholds must go up.',
  tiersUnique: 'Each tier needs a name of its own.',
  pointsNotZero: 'Please enter a number of points other than 0.',
};

export const clubErrorsEn: Texts<typeof clubErrorsDe> = {};

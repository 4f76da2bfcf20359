/** German messages of the club's and the exports' validation and errors (keys the main process and schemas report). */
export const clubValidationDe = {
  memberNumberFormat: 'Das Format braucht genau einen Platzhalter {n} für die laufende Nummer, z. B. KC-{n:5}.',
  tiersAscending: 'Die Schwellen der Stufen müssen aufsteigen.',
  tiersUnique: 'Jede Stufe braucht einen eigenen Namen.',
  pointsNotZero: 'Bitte eine Punktzahl ungleich 0 eingeben.',
};

export const clubErrorsDe = {};

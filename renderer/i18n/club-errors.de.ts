/** German messages of the club's and the exports' validation and errors (keys the main process and schemas report). */
export const clubValidationDe = {
  memberNumberFormat: 'Das Format braucht genau einen Platzhalter {n} für die laufende Nummer, z. B. KC-{n:5}.',
  tiersAscending: 'Die Schwellen der Stufen müssen aufsteigen.',
  tiersUnique: 'Jede Stufe braucht einen eigenen Namen.',
  pointsNotZero: 'Bitte eine Punktzahl ungleich 0 eingeben.',
  notEnoughPoints: 'Nicht genug Punkte: Es lassen sich höchstens so viele einlösen, wie auf dem Punktekonto stehen.',
  redemptionPositive: 'Beim Einlösen bitte die Zahl der Punkte ohne Minus eingeben.',
  tooManyTags: 'Ein Kontakt kann höchstens 50 Schlagwörter tragen.',
};

export const clubErrorsDe = {
  alreadyMember: 'Diese Person ist schon Mitglied im Kundenclub.',
  notMember: 'Diese Person ist nicht Mitglied im Kundenclub.',
  memberLeft: 'Diese Person ist aus dem Kundenclub ausgetreten. Die Mitgliedschaft lässt sich erst nach einem erneuten Beitritt wieder ändern.',
  viewNotFound: 'Diese gespeicherte Ansicht gibt es nicht (mehr).',
};

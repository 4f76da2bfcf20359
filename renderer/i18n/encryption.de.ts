/** German texts of encryption at rest: the unlock screen at start and the section in Einstellungen. */
export const encryptionDe = {
  unlock: {
    title: 'Kundenkreis entsperren',
    intro: 'Die Daten auf diesem Rechner sind verschlüsselt. Bitte das Passwort eingeben, um sie zu öffnen.',
    passphrase: 'Passwort',
    submit: 'Entsperren',
    forgotten: 'Ein vergessenes Passwort lässt sich nicht zurücksetzen: Ohne das Passwort kann niemand die Daten öffnen.',
    dataFolder: 'Datenordner',
  },
  encryption: {
    title: 'Verschlüsselung',
    on: 'Die Daten und alle Sicherungen sind mit einem Passwort verschlüsselt. Beim Start fragt Kundenkreis nach dem Passwort.',
    off: 'Die Daten sind nicht verschlüsselt: Wer an diesen Rechner oder den Datenordner kommt, kann die Adressen und Bestellungen lesen.',
    enable: 'Verschlüsselung einschalten',
    change: 'Passwort ändern',
    disable: 'Verschlüsselung ausschalten',
    passphrase: 'Passwort',
    newPassphrase: 'Neues Passwort',
    passphraseHint: 'Mindestens 10 Zeichen. Ein ganzer Satz ist leicht zu merken und schwer zu erraten.',
    repeat: 'Passwort wiederholen',
    current: 'Aktuelles Passwort',
    cannotRecover:
      'Ein vergessenes Passwort lässt sich nicht wiederherstellen. Ohne Passwort sind die Daten und alle Sicherungen verloren – bitte das Passwort sicher aufbewahren, z. B. in einem Passwort-Manager oder auf Papier an einem sicheren Ort.',
    backupsToo: 'Auch alle vorhandenen und künftigen Sicherungen werden verschlüsselt. Ein Archiv für den Umzug auf einen anderen Rechner öffnet sich dort mit demselben Passwort.',
    disableHint: 'Danach liegen die Daten und alle Sicherungen wieder unverschlüsselt auf diesem Rechner.',
    enabled: 'Die Verschlüsselung ist eingeschaltet.',
    changed: 'Das Passwort wurde geändert.',
    disabled: 'Die Verschlüsselung ist ausgeschaltet.',
  },
};

export const encryptionValidationDe = {
  passphraseTooShort: 'Mindestens 10 Zeichen',
  passphraseMismatch: 'Die beiden Passwörter stimmen nicht überein',
};

export const encryptionErrorsDe = {
  wrongPassphrase: 'Das Passwort stimmt nicht. Bitte noch einmal eingeben und auf Groß- und Kleinschreibung achten.',
  locked: 'Die Daten sind gesperrt. Bitte zuerst das Passwort eingeben.',
  keyFileDamaged:
    'Die Schlüsseldatei „encryption.json“ im Datenordner ist beschädigt. Jede Sicherung im Ordner „backups“ enthält eine Kopie: Kundenkreis beenden, die Kopie aus der neuesten Sicherung in den Datenordner kopieren und neu starten.',
  encryptionOn: 'Die Verschlüsselung ist bereits eingeschaltet.',
  encryptionOff: 'Die Verschlüsselung ist nicht eingeschaltet.',
};

import type { encryptionDe, encryptionErrorsDe, encryptionValidationDe } from './encryption.de';
import type { Texts } from './de';

/** English texts of encryption at rest. */
export const encryptionEn: Texts<typeof encryptionDe> = {
  unlock: {
    title: 'Unlock Kundenkreis',
    intro: 'The data on this computer is encrypted. Enter the password to open it.',
    passphrase: 'Password',
    submit: 'Unlock',
    forgotten: 'A forgotten password cannot be reset: without it, nobody can open the data.',
    dataFolder: 'Data folder',
  },
  encryption: {
    title: 'Encryption',
    on: 'The data and all backups are encrypted with a password. Kundenkreis asks for it at start.',
    off: 'The data is not encrypted: anyone who gets at this computer or the data folder can read the addresses and orders.',
    enable: 'Turn on encryption',
    change: 'Change password',
    disable: 'Turn off encryption',
    passphrase: 'Password',
    newPassphrase: 'New password',
    passphraseHint: 'At least 10 characters. A whole sentence is easy to remember and hard to guess.',
    repeat: 'Repeat password',
    current: 'Current password',
    cannotRecover:
      'A forgotten password cannot be recovered. Without it the data and all backups are lost – keep the password safe, e.g. in a password manager or on paper in a safe place.',
    backupsToo: 'All existing and future backups are encrypted too. An archive moved to another computer opens there with the same password.',
    disableHint: 'Afterwards the data and all backups are stored unencrypted on this computer again.',
    enabled: 'Encryption is on.',
    changed: 'The password has been changed.',
    disabled: 'Encryption is off.',
  },
};

export const encryptionValidationEn: Texts<typeof encryptionValidationDe> = {
  passphraseTooShort: 'At least 10 characters',
  passphraseMismatch: 'The two passwords do not match',
};

export const encryptionErrorsEn: Texts<typeof encryptionErrorsDe> = {
  wrongPassphrase: 'The password is not right. Please enter it again, minding upper and lower case.',
  locked: 'The data is locked. Please enter the password first.',
  keyFileDamaged:
    'The key file "encryption.json" in the data folder is damaged. Every backup in the "backups" folder holds a copy: quit Kundenkreis, copy it from the newest backup into the data folder and start again.',
  encryptionOn: 'Encryption is already on.',
  encryptionOff: 'Encryption is not on.',
};

/** A neutral file name: a downloads list can be seen by someone else. */
export const RECOVERY_CODES_FILE_NAME = 'codes.txt';

export interface RecoveryFileTexts {
  title: string;
  intro: string;
}

/**
 * The recovery codes as a plain text file: a short title and instruction in the person's
 * language, then one numbered code per line. No login and no name of the service, so the file
 * alone neither opens an account nor says what it belongs to.
 */
export function recoveryCodesFileText(codes: readonly string[], texts: RecoveryFileTexts): string {
  const width = String(codes.length).length;
  const lines = codes.map((code, index) => `${String(index + 1).padStart(width, ' ')}. ${code}`);
  // CRLF so Notepad on an old Windows machine shows the lines too.
  return [texts.title, '', texts.intro, '', ...lines, ''].join('\r\n');
}

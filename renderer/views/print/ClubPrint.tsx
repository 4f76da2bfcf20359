import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { printKinds, type PrintKind } from '../../../shared/schemas/club';
import { useClubPrint } from '../../api/memberQueries';
import { readPrintRequest } from '../club/printRequest';
import { BirthdaysPrint } from './BirthdaysPrint';
import { ClubListPrint } from './ClubListPrint';
import { LabelsPrint } from './LabelsPrint';
import { PrintShell } from './PrintPage';

export type ClubPrintResult = OutputOf<'exports.print'>;
type ClubPrintInput = InputOf<'exports.print'> & { kind: PrintKind };

/** A link that was cut short or edited by hand: said in words instead of printing something else. */
const invalidRequest = new Error('clubPrint.invalid');

const isPrintKind = (kind: string | undefined): kind is PrintKind => printKinds.some((known) => known === kind);

/**
 * #/print/club/:kind?q=… — the member list, address labels or the birthday
 * list of a view of the member list. The main process picks the rows (and
 * logs the print); members left out for missing consent are named on screen only.
 */
export function ClubPrint() {
  const { kind } = useParams();
  const [params] = useSearchParams();
  const request = readPrintRequest(params.get('q'));
  const input: ClubPrintInput | undefined = isPrintKind(kind) && request ? { ...request, kind } : undefined;
  const print = useClubPrint(input);

  return (
    <PrintShell back="/club" error={input ? print.error : invalidRequest} ready={print.isSuccess}>
      {() => <ClubPrintBody input={input!} result={print.data!} />}
    </PrintShell>
  );
}

function ClubPrintBody({ input, result }: { input: ClubPrintInput; result: ClubPrintResult }) {
  const { t } = useTranslation();
  return (
    <>
      {result.leftOutForConsent > 0 && (
        <Alert className="no-print" color="yellow" mb="md">
          {t('clubPrint.leftOut', { count: result.leftOutForConsent })}
        </Alert>
      )}
      {result.leftOutWithoutAddress > 0 && (
        <Alert className="no-print" color="yellow" mb="md">
          {t('clubPrint.noAddress', { count: result.leftOutWithoutAddress })}
        </Alert>
      )}
      {result.count === 0 ? (
        <Text>{t('clubPrint.nobody')}</Text>
      ) : input.kind === 'list' ? (
        <ClubListPrint result={result} viewName={input.viewName} />
      ) : input.kind === 'birthdays' ? (
        <BirthdaysPrint result={result} />
      ) : (
        <LabelsPrint result={result} layout={input.kind} />
      )}
    </>
  );
}

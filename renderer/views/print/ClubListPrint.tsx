import { useTranslation } from 'react-i18next';
import { useMemberCell, useMemberLabels } from '../club/memberCells';
import type { ClubPrintResult } from './ClubPrint';
import { PrintHeader } from './PrintHeader';

/** The member list on A4 (landscape): the view's columns in its order, values as the list shows them. */
export function ClubListPrint({ result, viewName }: { result: ClubPrintResult; viewName: string | undefined }) {
  const { t } = useTranslation();
  const cell = useMemberCell();
  const { columns } = useMemberLabels();
  return (
    <div className="club-list">
      <PrintHeader title={[result.clubName, viewName ?? t('clubPrint.list.title')].join(' – ')} count={result.count} />
      <table className="print-table member-list">
        <thead>
          <tr>
            {result.columns.map((column) => (
              <th key={column}>{columns[column]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.contact.id}>
              {result.columns.map((column) => (
                <td key={column}>{cell(row, column)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

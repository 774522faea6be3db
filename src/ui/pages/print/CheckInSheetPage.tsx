// /c/:id/imprimer/feuille/:lineId/:date/:direction: the blank check-in sheet of one walk on one A4 page.
import { childrenByStop, contactOn, onDutyOf } from '../../../app/queries/print/print-model.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { CheckInSheet } from '../../components/print/CheckInSheet.tsx'
import { PrintGate, type PrintScreenProps } from '../../components/print/PrintFrame.tsx'
import { WalkPrintFrame, type WalkSheetContext } from '../../components/print/WalkPrintFrame.tsx'

export function CheckInSheetPage() {
  return <PrintGate screen={CheckInPrint} />
}

/** A long list (many children and stops) is printed in the smaller font so it keeps to one page. */
const LONG_SHEET_ROWS = 14

function CheckInPrint(props: PrintScreenProps) {
  const { view, now } = props
  const rows = ({ walk }: WalkSheetContext) => childrenByStop(view, walk).reduce((sum, group) => sum + Math.max(1, group.children.length), 0)
  return (
    <WalkPrintFrame
      {...props}
      compact={(context) => rows(context) > LONG_SHEET_ROWS}
      render={({ line, walk }) => (
        <CheckInSheet
          line={line}
          walk={walk}
          groups={childrenByStop(view, walk)}
          onDuty={onDutyOf(view, walk)}
          families={view.families}
          collective={view.profile?.name ?? null}
          contact={contactOn(view, walk.date)}
          today={todayIn(now)}
        />
      )}
    />
  )
}

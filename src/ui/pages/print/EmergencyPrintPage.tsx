// /c/:id/imprimer/urgence/:lineId/:date/:direction: the emergency card of one walk on one A4 page.
import { childrenByStop, contactOn, onDutyOf } from '../../../app/queries/print/print-model.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { EmergencySheet } from '../../components/print/EmergencySheet.tsx'
import { PrintGate, type PrintScreenProps } from '../../components/print/PrintFrame.tsx'
import { WalkPrintFrame } from '../../components/print/WalkPrintFrame.tsx'

export function EmergencyPrintPage() {
  return <PrintGate screen={EmergencyPrint} />
}

/** Beyond this many children the card uses the smaller font so it keeps to one page. */
const LONG_CARD_CHILDREN = 10

function EmergencyPrint(props: PrintScreenProps) {
  const { view, now } = props
  return (
    <WalkPrintFrame
      {...props}
      compact={({ walk }) => walk.expectedChildIds.length > LONG_CARD_CHILDREN}
      render={({ line, walk }) => (
        <EmergencySheet
          line={line}
          walk={walk}
          groups={childrenByStop(view, walk)}
          onDuty={onDutyOf(view, walk)}
          families={view.families}
          adults={view.adults}
          collective={view.profile?.name ?? null}
          contact={contactOn(view, walk.date)}
          today={todayIn(now)}
        />
      )}
    />
  )
}

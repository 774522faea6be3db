// The planning screens as one lazily loaded chunk (the solver and the fairness rules come with them), precached for offline use.
import '../../components/manage/manage.css'
import '../../components/planning/planning.css'

export { AvailabilityPage } from './AvailabilityPage.tsx'
export { FairnessPage } from './FairnessPage.tsx'
export { PlanPage } from './PlanPage.tsx'

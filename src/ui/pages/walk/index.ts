// The walk mode and its emergency card as one lazily loaded chunk, precached (so available offline on the way).
import '../../components/walk/walk.css'

export { EmergencyPage } from './EmergencyPage.tsx'
export { WalkIndexPage } from './WalkIndexPage.tsx'
export { WalkPage } from './WalkPage.tsx'

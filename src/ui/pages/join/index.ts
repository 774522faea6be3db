// The guided join as one lazily loaded chunk (welcome, family, children, availability), precached for offline use.
import '../../components/manage/manage.css'
import '../../components/planning/planning.css'

export { WelcomePage } from './WelcomePage.tsx'

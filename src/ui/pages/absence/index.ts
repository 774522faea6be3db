// The absences screen as a lazily loaded chunk, precached for offline use.
// absence.css stays imported by routes-absence.tsx: the rota's walk cards use its .walk__absences rule.
export { AbsencesPage } from './AbsencesPage.tsx'

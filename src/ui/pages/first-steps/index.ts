// "Premiers pas" as one lazily loaded chunk, precached for offline use.
export { FirstStepsPage } from './FirstStepsPage.tsx'

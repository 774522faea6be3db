// What opens and changes a collective's document (Yjs, the doc layer, commands, sync): loaded on demand by services.ts.
// A first visit's welcome screen does without it; a phone that holds a collective starts loading it at once.
export { openSession } from './session.ts'
export { openDemoSession } from './demo.ts'
export { renewCollective, whenMoved } from './renew.ts'
export { carryRenewedChanges } from './renewal-carry.ts'
export { followSuccessor, startNewGeneration } from './generation.ts'
export { writeRestoredDocument } from './restore.ts'
export { whenSavedOnPhone } from './saved.ts'
export { parseCollectiveExport } from '../domain/export/collective-export.ts'
export { dueGeneration } from '../domain/year/next-generation.ts'
export { deleteDocDatabase, docDatabaseName } from '../storage/doc-persistence.ts'

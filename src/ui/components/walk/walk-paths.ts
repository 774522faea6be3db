// The walk mode's addresses: a walk's screen, its emergency card, and their printed sheets.
import type { WalkRef } from '../../../domain/signup.ts'

export const walkPath = (base: string, walk: WalkRef): string => `${base}/trajet/${walk.lineId}/${walk.date}/${walk.direction}`
export const emergencyPath = (base: string, walk: WalkRef): string => `${walkPath(base, walk)}/urgence`
/** The blank check-in sheet of the walk, for an adult without a phone or a phone without battery. */
export const printSheetPath = (base: string, walk: WalkRef): string => `${base}/imprimer/feuille/${walk.lineId}/${walk.date}/${walk.direction}`
export const printEmergencyPath = (base: string, walk: WalkRef): string => `${base}/imprimer/urgence/${walk.lineId}/${walk.date}/${walk.direction}`

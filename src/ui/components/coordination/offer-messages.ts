// Pure: what to announce after answering or making a coordinator period offer (outcome or refusal), as a message key and its family.
import type { SwapError, TakeOutcome, TradeOutcome } from '../../../app/api.ts'
import type { MessageKey } from '../../i18n/fr.ts'

const ERROR_KEYS: Readonly<Record<SwapError, MessageKey>> = {
  notFound: 'coord.error.notFound',
  notHolder: 'coord.error.notHolder',
  notEligible: 'coord.error.notEligible',
  // Periods have no time of day: the period commands never answer this (it belongs to walks).
  busyElsewhere: 'coord.error.notEligible',
  expired: 'coord.error.expired',
  unknownAdult: 'coord.error.unknownAdult',
  notRecorded: 'coord.error.notRecorded',
}

export const swapErrorKey = (error: SwapError): MessageKey => ERROR_KEYS[error]

const OUTCOME_KEYS: Readonly<Record<TakeOutcome | TradeOutcome, MessageKey>> = {
  taken: 'coord.offers.taken',
  alreadyTaken: 'coord.offers.alreadyTaken',
  withdrawn: 'coord.offers.offerWithdrawn',
  void: 'coord.offers.void',
  traded: 'coord.offers.traded',
  failed: 'coord.offers.failed',
  declined: 'coord.offers.declined',
}

/** The announcement for an answer's outcome; "déjà pris par {family}" names the winner. */
export const answerOutcomeKey = (outcome: TakeOutcome | TradeOutcome): MessageKey => OUTCOME_KEYS[outcome]

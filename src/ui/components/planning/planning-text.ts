// Pure text of the planning screens: walks with one decimal, targets never below zero, neutral signed differences, French-first error messages, uncovered reasons.
import { COORDINATOR_CREDIT_MAX, EXEMPTION_RANGE_MAX_DAYS, WEEKLY_MAX_LIMIT } from '../../../app/queries/limits.ts'
import type { FamilyPlanRow, UncoveredReason } from '../../../domain/planning/types.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorKey, type Language, type Translate } from '../../i18n/translate.ts'
import { numberFormat } from '../../i18n/formats.ts'


/** Below half a tenth, a value is shown as zero (and a difference as even): "-0,0" would only confuse. */
const EPSILON = 0.05

/** "2,5" / "2.5": walks with one decimal (shares are fractional). */
export const formatWalks = (value: number, language: Language): string =>
  numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(value) < EPSILON ? 0 : value)

/** "+1,5", "−0,5" (a true minus sign), "0,0": a family's difference to its share. */
export const formatSigned = (value: number, language: Language): string => {
  if (Math.abs(value) < EPSILON) return formatWalks(0, language)
  const magnitude = formatWalks(Math.abs(value), language)
  return value > 0 ? `+${magnitude}` : `\u2212${magnitude}`
}

/**
 * A family's target for the period: never below zero. A family whose balance from earlier in the year
 * exceeds its share of the period is asked for nothing, said neutrally ("0,0 (a déjà donné un peu plus cette année)").
 */
export const targetText = (t: Translate, row: Pick<FamilyPlanRow, 'target' | 'balanceBefore'>, language: Language): string =>
  row.target < EPSILON && row.balanceBefore >= EPSILON ? t('planning.plan.targetAhead', { n: formatWalks(0, language) }) : formatWalks(Math.max(0, row.target), language)

/** The words next to a difference: neutral, never a rank or a judgement. */
export const balanceWords = (t: Translate, value: number): string =>
  Math.abs(value) < EPSILON ? t('planning.fairness.even') : value > 0 ? t('planning.fairness.more') : t('planning.fairness.less')

const REASON_KEYS: Readonly<Record<UncoveredReason, MessageKey>> = {
  noOneAvailable: 'planning.plan.reason.noOneAvailable',
  weeklyMax: 'planning.plan.reason.weeklyMax',
  sameTime: 'planning.plan.reason.sameTime',
  leftOpen: 'planning.plan.reason.leftOpen',
  noHabitue: 'planning.plan.reason.noHabitue',
}
export const uncoveredReasonText = (t: Translate, reason: UncoveredReason): string => t(REASON_KEYS[reason])

/** Upper bounds of the numeric fields, for "trop grand : N au plus". */
export type NumberField = 'weeklyMax' | 'coordinatorCredit'
const MAXIMA: Readonly<Record<NumberField, number>> = { weeklyMax: WEEKLY_MAX_LIMIT, coordinatorCredit: COORDINATOR_CREDIT_MAX }

/** The French-first message of a domain validation key met on a planning form. */
export const planningErrorText = (t: Translate, key: string, field?: NumberField): string => {
  switch (key) {
    case 'invalidNumber':
      return t('planning.error.invalidNumber')
    case 'tooSmall':
      return t('planning.error.tooSmall')
    case 'tooLarge':
      return t('planning.error.tooLarge', { max: field === undefined ? WEEKLY_MAX_LIMIT : MAXIMA[field] })
    case 'invalidDate':
      return t('planning.error.invalidDate')
    case 'endBeforeStart':
      return t('planning.error.endBeforeStart')
    case 'rangeTooLong':
      return t('planning.error.rangeTooLong', { max: EXEMPTION_RANGE_MAX_DAYS })
    case 'unknownAdult':
      return t('planning.error.unknownAdult')
    case 'unknownFamily':
      return t('planning.error.unknownFamily')
    case 'tooMany':
      return t('planning.error.tooMany')
    case 'invalidShare':
      return t('planning.error.invalidShare')
    case 'notRecorded':
      return t('planning.error.notRecorded')
    case 'notFound':
      return t('planning.error.notFound')
    default:
      return t(fieldErrorKey(key))
  }
}

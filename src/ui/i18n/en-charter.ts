// English texts of the collective's charter (issue 18): the form on the settings screen and a default charter to adapt.
import type { frCharter } from './fr-charter.ts'

export const enCharter: Readonly<Record<keyof typeof frCharter, string>> = {
  'charter.title': 'Charter of the collective',
  'charter.intro': 'The rules the collective’s families agree on. Every family reads it; any member can change it.',
  'charter.label': 'Text of the charter',
  'charter.hint': 'Avoid names or phone numbers in it: each family has its own record for those.',
  'charter.none': 'No charter yet. Start from the model below and adapt it to your collective.',
  'charter.useDefault': 'Start from the model charter',
  'charter.save': 'Save the charter',
  'charter.saved': 'Charter saved.',
  'charter.removed': 'Charter removed.',
  'charter.default': [
    'Walking bus charter',
    '',
    '1. Safety. At least two adults on every walk, one in front and one at the back. We cross at crossings, as a group, when the lead adult says so. Children wear a visible vest.',
    '2. Punctuality. The adult signed up is at the stop five minutes early. Cannot make it? Offer your place in the app as soon as possible.',
    '3. Solidarity. Each family walks as it can; nobody is judged. We stand in for each other, warn each other, thank each other.',
    '4. Free of charge. The walking bus is voluntary: no money changes hands between families.',
    '5. Every child. The walking bus welcomes every child, disabled children included: the family says what the child needs and the adults arrange the walk so that it suits them.',
    '6. Data. First names, numbers and instructions serve the walking bus only. We do not share them outside the collective and post no photo of a child without the family’s consent.',
  ].join('\n'),
}

// Print views without a browser: the week sheet rendered to a string (holders with their family, "à pourvoir", cancellations), the stop poster's access words.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView } from '../../../src/app/api.ts'
import { contactOn, lineWeek } from '../../../src/app/queries/print/print-model.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { accessText } from '../../../src/ui/components/print/PosterSheet.tsx'
import { WeekSheet } from '../../../src/ui/components/print/WeekSheet.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { line, lineId, NOW, stops, view } from '../app/print-fixtures.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ')

describe('the printed week of a line', () => {
  const render = (model: CollectiveView, monday: string) => {
    const days = lineWeek(model, lineId, localDate(monday), NOW)
    return text(renderToString(
      <WeekSheet line={line} monday={localDate(monday)} days={days} adults={model.adults} families={model.families}
        collective={model.profile?.name ?? null} contact={contactOn(model, localDate(monday))} today={localDate('2027-03-02')} />,
    ))
  }

  it('names each holder with their family, says "à pourvoir" for free places, and gives the collective and its contact', () => {
    const html = render(view(), '2027-03-08')
    expect(html).toContain('Ligne Verte : semaine du lundi 8 mars 2027')
    expect(html).toContain('Pédibus des Écureuils')
    expect(html).toContain('Jeudi 11 mars')
    expect(html).toContain('Conducteur : Léa (Famille Martin)')
    expect(html).toContain('Serre-file : Paul (Famille Nguyen)')
    expect(html).toContain('Serre-file : à pourvoir') // the other walks of the week
    expect(html).toContain('Départ 08:05 · 3 enfants')
    expect(html).toContain('Départ 16:40 · 3 enfants') // the retour starts at the far end of the line
    expect(html).toContain('Contact : coordination Famille Martin, 06 11 22 33 44')
    expect(html).toContain('Imprimé le mardi 2 mars 2027.')
    expect(html).not.toContain('Mercredi') // the line does not run on Wednesdays
  })

  it('says "personne" for the free places of walks that started when printed, "à pourvoir" for the others', () => {
    // Printed on Tuesday 2 March 2027 at 09:00: Monday's walks and Tuesday's aller have started.
    const html = render(view(), '2027-03-01')
    const monday = html.slice(html.indexOf('Lundi 1er mars'), html.indexOf('Mardi 2 mars'))
    expect(monday).toContain('Conducteur : personne')
    expect(monday).not.toContain('pourvoir')
    const rest = html.slice(html.indexOf('Mardi 2 mars'))
    expect(rest).toContain('Conducteur : à pourvoir')
  })

  it('says a cancelled day once, with its reason', () => {
    const html = render(view(), '2027-03-29') // Easter Monday 29 March 2027
    expect(html).toContain('Lundi 29 mars')
    expect(html.match(/Annulé : jour férié \(Lundi de Pâques\)/g)).toHaveLength(1)
  })

})

describe('the stop poster', () => {
  it('says the access of each stop in words', () => {
    const t = createTranslate('fr')
    expect(stops.map((s) => accessText(t, s))).toEqual(['', 'traversée dangereuse ; feu piéton', 'sans marche'])
  })
})

// French texts of the "à sa demande" banner shown on every screen and the "Premiers pas" link of "Plus" (issue 18):
// bundled with the first screens (fr-first-screen.ts); the rest of the feature's texts are in fr-first-steps.ts.
export const frActing = {
  'firstSteps.link': 'Premiers pas',
  'acting.banner': 'Vous agissez pour {family}, à sa demande.',
  'acting.bannerLabel': 'Mode « à sa demande »',
  'acting.print': 'Imprimer ses trajets',
  'acting.stop': 'Terminer',
  'acting.stopped': 'Terminé : ce téléphone est de nouveau le vôtre.',
} as const

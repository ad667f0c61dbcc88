import type { enPolicy } from './en-policy';

export const frPolicy: Record<keyof typeof enPolicy, string> = {
  'ui.policy.managed': 'Réglé par votre établissement',
  'ui.policy.managedHint': 'Votre établissement a fixé ce réglage sur tous les ordinateurs ; il ne peut pas être modifié ici.',
  'ui.policy.issues': 'Une partie de la configuration de l’établissement a été ignorée ({source}) : {issues}. Les autres réglages s’appliquent.',
  'ui.policy.linksOff': 'Les liens vers des sites extérieurs sont désactivés sur cet ordinateur.',
  'ui.policy.savingOff': 'L’enregistrement des entraînements est désactivé sur cet ordinateur.',
  'ui.policy.badPack': 'Le module de cours fixé par votre établissement est inutilisable : {error}',
  'ui.policy.packSet': 'Module de cours fixé par votre établissement',
  'ui.pwa.ready': 'Une nouvelle version de RNN Lab est prête. Elle sera utilisée après un rechargement ; d’ici là, cette version continue de fonctionner.',
  'ui.pwa.reload': 'Recharger maintenant',
  'ui.pwa.offlineReady': 'RNN Lab est maintenant enregistré sur cet ordinateur et s’ouvre sans réseau.',
};

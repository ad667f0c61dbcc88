import type { enPolicy } from './en-policy';

export const esPolicy: Record<keyof typeof enPolicy, string> = {
  'ui.policy.managed': 'Fijado por tu centro',
  'ui.policy.managedHint': 'Tu centro ha fijado este ajuste en todos los ordenadores; aquí no se puede cambiar.',
  'ui.policy.issues': 'Se ha ignorado una parte de la configuración del centro ({source}): {issues}. El resto de ajustes se aplica.',
  'ui.policy.linksOff': 'Los enlaces a sitios externos están desactivados en este ordenador.',
  'ui.policy.savingOff': 'Guardar entrenamientos está desactivado en este ordenador.',
  'ui.policy.badPack': 'No se ha podido usar el paquete de lección que fijó tu centro: {error}',
  'ui.policy.packSet': 'Paquete de lección fijado por tu centro',
  'ui.pwa.ready': 'Hay una nueva versión de RNN Lab lista. Se usará al recargar; hasta entonces, esta versión sigue funcionando.',
  'ui.pwa.reload': 'Recargar ahora',
  'ui.pwa.offlineReady': 'RNN Lab ya está guardado en este ordenador y se abre sin red.',
};

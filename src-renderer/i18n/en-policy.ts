/** Texts about the machine policy a school's IT staff set (src-shared/protocol/policy.ts). */
export const enPolicy = {
  'ui.policy.managed': 'Set by your school',
  'ui.policy.managedHint': 'Your school set this on every computer; it cannot be changed here.',
  'ui.policy.issues': 'Part of this computer’s school policy was ignored ({source}): {issues}. The other settings in it apply.',
  'ui.policy.linksOff': 'Links to outside websites are turned off on this computer.',
  'ui.policy.savingOff': 'Saving runs is turned off on this computer.',
  'ui.policy.badPack': 'The lesson pack your school set could not be used: {error}',
  'ui.policy.packSet': 'Lesson pack set by your school',
  'ui.pwa.ready': 'A new version of RNN Lab is ready. It will be used after a reload; until then this version keeps working.',
  'ui.pwa.reload': 'Reload now',
  'ui.pwa.offlineReady': 'RNN Lab is now stored on this computer and opens without a network.',
};

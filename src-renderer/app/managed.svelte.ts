import { NO_POLICY, type Policy, type PolicyLoad } from '../../src-shared/protocol/policy';
import { problem, type Problem } from '../../src-shared/protocol/problem';

/**
 * The machine policy in force in this window (read once at startup from the backend). Screens read it to show
 * managed settings as read-only ("set by your school") and to drop what the policy turns off; main and the browser
 * backend enforce the same rules on their side.
 */
class Managed {
  load: PolicyLoad = $state.raw(NO_POLICY);

  get policy(): Policy {
    return this.load.policy;
  }
  get localeLocked(): boolean {
    return this.policy.lockLocale === true && this.policy.locale !== undefined;
  }
  get linksOff(): boolean {
    return this.policy.externalLinks === false;
  }
  get savingOff(): boolean {
    return this.policy.saving === false;
  }
  get packLocked(): boolean {
    return this.policy.lessonPack?.locked === true;
  }
}

export const managed = new Managed();

/**
 * The language to start in: a locked policy language always; an unlocked one only for a learner with no saved
 * settings yet (it is the school's default, not a lock). A language this build does not ship is reported, not used.
 */
export function startupLocale<L extends string>(
  saved: L,
  hasSavedSettings: boolean,
  policy: Policy,
  known: readonly L[],
): { locale: L; issue?: Problem } {
  const wanted = policy.locale;
  if (wanted === undefined) return { locale: saved };
  if (!(known as readonly string[]).includes(wanted)) {
    const list = known.join(', ');
    return { locale: saved, issue: problem('policy.unknownLocale', { value: wanted, known: list }, `locale: "${wanted}" is not a language this version has (${list}); ignored`) };
  }
  return { locale: policy.lockLocale || !hasSavedSettings ? (wanted as L) : saved };
}

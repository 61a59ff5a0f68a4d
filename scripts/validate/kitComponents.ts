/** Names of the kit's own platform components, so a finding about one can name the fix: `handoff init`. */
import { kitPlatformFiles } from '../project/platformCode';

export const KIT_FIX =
  "This is the kit's platform code: run `handoff init` in a new project (or `handoff upgrade` when handoff.platform.json exists) to add it.";

let names: { class: Set<string>; object: Set<string> } | undefined;

function kitComponents(): { class: Set<string>; object: Set<string> } {
  if (names) return names;
  const found = { class: new Set<string>(), object: new Set<string>() };
  for (const file of kitPlatformFiles().keys()) {
    const cls = /^classes\/(\w+)\.cls$/.exec(file);
    if (cls) found.class.add(cls[1].toLowerCase());
    const obj = /^objects\/(\w+)\//.exec(file);
    if (obj) found.object.add(obj[1].toLowerCase());
  }
  return (names = found);
}

/** The fix for a missing component when it is one the kit ships; undefined otherwise. */
export function kitFixFor(kind: 'class' | 'object', name: string): string | undefined {
  return kitComponents()[kind].has(name.toLowerCase()) ? KIT_FIX : undefined;
}

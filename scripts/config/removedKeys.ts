/**
 * Keys the config once had and no longer takes: an old config that still carries one gets what
 * replaced it, instead of a bare "unknown key" with a guess at a similar name.
 */
export interface RemovedKey {
  message: string;
  fix: string;
}

/** By JSON path with array indexes dropped (`contactMatching.channelVerifiesUsers`). */
const REMOVED: Record<string, RemovedKey> = {
  'contactMatching.channelVerifiesUsers': {
    message:
      '"channelVerifiesUsers" was removed: contact matching now follows the channel\'s own setting, channel.verification.mode',
    fix: 'remove it; to match Contacts on a verified identity set "channel": { "verification": { "mode": "verified", "keySet": … } } (docs/channel.md), or accept unverified email knowingly with "trustUnverifiedEmail": true (docs/flow.md)'
  }
};

/** The removed key at this place in the config, if `key` under `parent` (JSON path segments) is one. */
export function removedKey(parent: (string | number)[], key: string): RemovedKey | undefined {
  return REMOVED[[...parent.filter((s) => typeof s === 'string'), key].join('.')];
}

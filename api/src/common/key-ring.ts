import type { AppConfig } from '../config/app-config';
import { keyIdOf } from './crypto';

export interface DataKey {
  id: string;
  material: Buffer;
}

/**
 * The data keys in force: DATA_KEY (everything new is sealed and hashed with it) and, during a
 * rotation, DATA_KEY_PREVIOUS (only read with). Values carry the id of the key they were made with.
 */
export class KeyRing {
  readonly current: DataKey;
  readonly previous: DataKey | null;

  constructor(dataKey: Buffer, dataKeyPrevious: Buffer | null) {
    this.current = { id: keyIdOf(dataKey), material: dataKey };
    this.previous = dataKeyPrevious ? { id: keyIdOf(dataKeyPrevious), material: dataKeyPrevious } : null;
  }

  /** Current first. */
  all(): DataKey[] {
    return this.previous ? [this.current, this.previous] : [this.current];
  }

  byId(id: string): DataKey | undefined {
    return this.all().find((key) => key.id === id);
  }

  /**
   * The key of a value stored without a key id (made before key ids existed, when only one key had
   * ever been in use): DATA_KEY_PREVIOUS during a rotation, else DATA_KEY. Rotation writes the id.
   */
  get legacy(): DataKey {
    return this.previous ?? this.current;
  }

  /** The key a stored key id (or null) names; undefined when that key is not configured. */
  resolve(id: string | null): DataKey | undefined {
    return id === null ? this.legacy : this.byId(id);
  }
}

const rings = new WeakMap<AppConfig, KeyRing>();

/** One ring per configuration object (derived keys are cached by their users). */
export function keyRingOf(config: Pick<AppConfig, 'dataKey' | 'dataKeyPrevious'>): KeyRing {
  let ring = rings.get(config as AppConfig);
  if (!ring) {
    ring = new KeyRing(config.dataKey, config.dataKeyPrevious ?? null);
    rings.set(config as AppConfig, ring);
  }
  return ring;
}

import type { Store } from '../store/store';

/** A factory that makes one instance per store on first use, so the services reading an index share it. */
export function perStore<T>(create: (store: Store) => T): (store: Store) => T {
  const instances = new WeakMap<Store, T>();
  return (store) => {
    let instance = instances.get(store);
    if (!instance) {
      instance = create(store);
      instances.set(store, instance);
    }
    return instance;
  };
}

/** Something loaded from the API, with its loading and error state and a way to load it again. */
export interface Resource<T> {
  readonly value: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): Promise<void>;
}

export function resource<T>(load: () => Promise<T>): Resource<T> {
  let value = $state<T>();
  let error = $state<unknown>();
  let loading = $state(true);

  async function reload() {
    loading = true;
    error = undefined;
    try {
      value = await load();
    } catch (failure) {
      error = failure;
    } finally {
      loading = false;
    }
  }

  reload();

  return {
    get value() { return value; },
    get error() { return error; },
    get loading() { return loading; },
    reload
  };
}

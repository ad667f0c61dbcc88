import { expect, type Page } from '@playwright/test';

/** Where playwright.config.ts serves dist-web. */
/** Port of the preview server the browser tests use; RNN_LAB_WEB_PORT moves it when 4173 is taken. */
export const WEB_PORT = Number(process.env.RNN_LAB_WEB_PORT ?? 4173);
export const WEB_ORIGIN = `http://127.0.0.1:${WEB_PORT}`;

/** Names the browser build uses in IndexedDB (src-renderer/backend/idb-docs.ts). */
export const IDB = { name: 'rnn-lab', version: 1, docs: 'docs', quarantine: 'quarantine' } as const;

/** Console errors and uncaught page errors, collected from the moment this is called. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Open the Lab and wait until the trainer has built the model (the parameter count is shown). */
export async function openLab(page: Page): Promise<void> {
  await page.goto('/#lab');
  await expect(page.getByTestId('metric-params')).toHaveText(/^\d[\d,]*$/, { timeout: 30_000 });
}

export async function numberAttr(page: Page, testId: string, attr: string): Promise<number> {
  const raw = await page.getByTestId(testId).getAttribute(attr);
  return raw === null || raw === '' ? NaN : Number(raw);
}

/** Run in the page: read one record of the docs or quarantine store. */
export async function idbRead(page: Page, store: string, key?: string): Promise<unknown> {
  return page.evaluate(
    ({ idb, store, key }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(idb.name, idb.version);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req =
            key === undefined
              ? open.result.transaction(store, 'readonly').objectStore(store).getAll()
              : open.result.transaction(store, 'readonly').objectStore(store).get(key);
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { idb: IDB, store, key },
  );
}

/** Run in the page: the keys of every record in the docs store. */
export async function idbKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    (idb) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(idb.name, idb.version);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(idb.docs, 'readonly').objectStore(idb.docs).getAllKeys();
          req.onsuccess = () => (resolve(req.result.map(String)), open.result.close());
          req.onerror = () => reject(req.error);
        };
      }),
    IDB,
  );
}

/** Run in the page: overwrite one document record with arbitrary (possibly invalid) data. */
export async function idbWrite(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ idb, key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(idb.name, idb.version);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(idb.docs, 'readwrite');
          tx.objectStore(idb.docs).put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { idb: IDB, key, value },
  );
}

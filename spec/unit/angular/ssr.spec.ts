import '@angular/compiler';
import { mergeApplicationConfig } from '@angular/core';
import { provideServerRendering, renderApplication } from '@angular/platform-server';
import { firstValueFrom } from 'rxjs';
import { appConfig, bootstrapList, TRANSFER_KEY, type Item, type SsrTarget } from '../../browser/angular/ssr-app';
import type { ConnectionEvent } from '../../../src/testing';
import { client, startTarget, uniqueName, waitFor, type Target } from '../../support/targets';

const DOCUMENT = '<!doctype html><html><head><title>ssr</title></head><body><app-root></app-root></body></html>';

/** Renders the list on Angular's server platform, as a server would for a request of `/`. */
function render(target: SsrTarget, connectOnCreate?: boolean): Promise<string> {
  const config = mergeApplicationConfig(appConfig(target, connectOnCreate), { providers: [provideServerRendering()] });
  // allowedHosts: Angular 21 renders only for the hosts it is told (earlier versions know no such option).
  const options = { document: DOCUMENT, url: 'http://127.0.0.1/', allowedHosts: ['127.0.0.1'] };
  return renderApplication((...context: unknown[]) => bootstrapList(config, ...context), options);
}

/** The state the server handed over (the `ng-state` script), parsed. */
function transferred(html: string): Record<string, unknown> {
  const script = /<script id="ng-state" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  return script?.[1] ? (JSON.parse(script[1]) as Record<string, unknown>) : {};
}

const titles = (html: string): string[] => [...html.matchAll(/<li>\s*([^<]*?)\s*<\/li>/g)].map((match) => match[1] ?? '');

describe('server-side rendering (renderApplication on the server platform)', () => {
  let target: Target;
  let ssr: SsrTarget;
  const connections: ConnectionEvent[] = [];

  beforeAll(async () => {
    target = await startTarget('embedded');
    target.embedded?.connections$.subscribe((event) => connections.push(event));
    ssr = { port: target.port, index: uniqueName('ssr'), collection: 'items' };
    const writer = client(target);
    await firstValueFrom(writer.connect());
    await firstValueFrom(writer.index.create(ssr.index));
    await firstValueFrom(writer.collection.create(ssr.index, ssr.collection));
    const items: Item[] = [
      { title: 'second', rank: 2 },
      { title: 'first', rank: 1 },
      { title: 'third', rank: 3 },
    ];
    await firstValueFrom(
      writer.document.mCreate(
        ssr.index,
        ssr.collection,
        items.map((body) => ({ body })),
        { refresh: 'wait_for' },
      ),
    );
    writer.disconnect();
  });
  afterAll(() => target?.stop());
  beforeEach(() => {
    connections.length = 0;
  });

  it('does not connect by default: the page renders the loading result, nothing is handed over', async () => {
    const html = await render(ssr);
    expect(html).toContain('<p id="state">offline</p>');
    expect(html).toContain('<p id="count">loading </p>');
    expect(html).toContain('<p id="status">loading</p>');
    expect(titles(html)).toEqual([]);
    expect(transferred(html)).not.toHaveProperty(`kuzzle-rx:live:${TRANSFER_KEY}`);
    expect(connections.filter((event) => event.type === 'open')).toEqual([]);
  });

  it('with a server client that connects, waits for the request and the first live result, renders them, and hands the result over under the transferKey', async () => {
    const html = await render(ssr, true);
    expect(html).toContain('<p id="count">resolved 3</p>');
    expect(html).toContain('<p id="status">live</p>');
    expect(html).toContain('<p id="total">3</p>');
    expect(titles(html)).toEqual(['first', 'second', 'third']);
    const handed = transferred(html)[`kuzzle-rx:live:${TRANSFER_KEY}`] as {
      documents: Array<{ _id: string; _source: Item }>;
      total: number;
    };
    expect(handed.total).toBe(3);
    expect(handed.documents.map((document) => document._source.title)).toEqual(['first', 'second', 'third']);
    // One socket, closed once the render is done (the application, hence the client, is destroyed).
    const opened = connections.filter((event) => event.type === 'open').map((event) => event.connectionId);
    expect(opened).toHaveLength(1);
    await waitFor(() => connections.some((event) => event.type === 'close' && event.connectionId === opened[0]));
  });
});

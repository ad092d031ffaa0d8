// The browser side of the server-rendered list: bootstraps over the server's HTML (hydration), from its state.
import '@angular/compiler';
import { appConfig, bootstrapList } from './ssr-app';

const query = new URLSearchParams(location.search);
const target = { port: Number(query.get('port')), index: query.get('index') ?? '', collection: query.get('collection') ?? '' };
bootstrapList(appConfig(target)).then(
  (appRef) => Object.assign(window, { appRef }),
  (error: unknown) => console.error(error),
);

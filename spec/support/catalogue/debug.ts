import type { CatalogueRow } from './row';

/** The debug controller's calls (kuzzle-sdk has no debug controller). The acknowledgements answer no result. */
export const debugRows: readonly CatalogueRow[] = [
  { controller: 'debug', method: 'nodeVersion', args: [], sdk: false, result: 'v20.20.2', frames: [{ controller: 'debug', action: 'nodeVersion' }], emits: 'v20.20.2' },
  { controller: 'debug', method: 'enable', args: [], sdk: false, result: null, frames: [{ controller: 'debug', action: 'enable' }], emits: undefined },
  { controller: 'debug', method: 'disable', args: [], sdk: false, result: null, frames: [{ controller: 'debug', action: 'disable' }], emits: undefined },
  {
    controller: 'debug',
    method: 'post',
    args: ['Runtime.evaluate', { expression: '1+1' }],
    sdk: false,
    result: { result: { type: 'number', value: 2, description: '2' } },
    frames: [{ controller: 'debug', action: 'post', body: { method: 'Runtime.evaluate', params: { expression: '1+1' } } }],
    emits: { result: { type: 'number', value: 2, description: '2' } },
  },
  {
    controller: 'debug',
    method: 'post',
    args: ['HeapProfiler.enable'],
    sdk: false,
    result: {},
    frames: [{ controller: 'debug', action: 'post', body: { method: 'HeapProfiler.enable', params: {} } }],
    emits: {},
  },
  {
    controller: 'debug',
    method: 'addListener',
    args: ['Debugger.paused'],
    sdk: false,
    result: null,
    frames: [{ controller: 'debug', action: 'addListener', body: { event: 'Debugger.paused' } }],
    emits: undefined,
  },
  {
    controller: 'debug',
    method: 'removeListener',
    args: ['*'],
    sdk: false,
    result: null,
    frames: [{ controller: 'debug', action: 'removeListener', body: { event: '*' } }],
    emits: undefined,
  },
];

import { cold, getTestScheduler, hot } from 'jasmine-marbles';
import { delayEach } from '../../../src/testing/fault-proxy/delay-each';
import { refusalState, type RefusalCommand } from '../../../src/testing/fault-proxy/refusal';

// Outside `run()`, one marble frame is 10 virtual ms.
describe('delayEach (the latency of a proxied direction)', () => {
  it('holds each value for its latency, read when it arrives, and completes after the last one', () => {
    const source = cold('-a-b-----c|');
    expect(source.pipe(delayEach(() => 20, getTestScheduler()))).toBeObservable(cold('---a-b-----(c|)'));
  });

  it('does not add the waits up when values come close together', () => {
    expect(cold('-ab|').pipe(delayEach(() => 20, getTestScheduler()))).toBeObservable(cold('---a(b|)'));
  });

  it('never lets a value overtake the one before it when the latency drops', () => {
    const latencies: Record<string, number> = { a: 50, b: 0, c: 0 };
    // b arrives with no latency but waits for a; c, arriving after both, goes through at once.
    const source = cold('-ab---------c|');
    expect(source.pipe(delayEach((v: string) => latencies[v] ?? 0, getTestScheduler()))).toBeObservable(cold('------(ab)--c|'));
  });

  it('lets values with nothing to wait for through at once', () => {
    expect(cold('ab-c|').pipe(delayEach(() => 0, getTestScheduler()))).toBeObservable(cold('ab-c|'));
  });
});

describe('refusalState (refuse and accept)', () => {
  const commands: Record<string, RefusalCommand> = {
    r: { refuse: true, ms: undefined },
    a: { refuse: false },
    t: { refuse: true, ms: 30 },
  };

  it('accepts at first, refuses from refuse() until accept(), and for ms after refuse(ms)', () => {
    const given = hot('--r---a--t-------', commands);
    expect(refusalState(given, getTestScheduler())).toBeObservable(cold('f-t---f--t--f----', { f: false, t: true }));
  });

  it('lets a later command replace a pending refuse(ms)', () => {
    const given = hot('--t-r------a-t-a-', commands);
    expect(refusalState(given, getTestScheduler())).toBeObservable(cold('f-t--------f-t-f-', { f: false, t: true }));
  });
});

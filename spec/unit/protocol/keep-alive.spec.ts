import { cold, getTestScheduler, hot } from 'jasmine-marbles';
import { catchError, Observable, type SchedulerLike, take, takeUntil, throwError, timer } from 'rxjs';
import { keepAlive, type LifeSign } from '../../../src/protocol/keep-alive';

/** Every marble letter is a pong. */
const PONGS: Record<string, LifeSign> = { a: 'pong', b: 'pong', c: 'pong', d: 'pong', x: 'pong' };
/** `f`: a frame other than the pong (a notification, an error frame); `p`: the pong. */
const SIGNS: Record<string, LifeSign> = { f: 'frame', p: 'pong' };

/** Errors reduced to what a user sees of them, so that marbles compare them by name and message. */
function nameAndMessage<T>(source: Observable<T>): Observable<T> {
  return source.pipe(
    catchError((error: unknown) => throwError(() => (error instanceof Error ? { name: error.name, message: error.message } : error))),
  );
}

/** A `sendPing` that records the virtual time of each ping. */
function pingRecorder(): { sendPing: () => void; times: number[] } {
  const times: number[] = [];
  return { times, sendPing: () => times.push(getTestScheduler().now()) };
}

// Outside `run()`, one marble frame is 10 virtual ms.
describe('keepAlive', () => {
  it('sends a ping every pingInterval and emits each round trip in ms', () => {
    const pings = pingRecorder();
    // Pings at 40, 80 and 120 ms, answered after 10, 20 and 10 ms.
    const pongs = hot('-----a----b--c', PONGS);
    const latency = keepAlive(pings.sendPing, pongs, { pingInterval: 40, pongTimeout: 30, scheduler: getTestScheduler() });

    expect(latency.pipe(take(3))).toBeObservable(cold('-----a----b--(c|)', { a: 10, b: 20, c: 10 }));
    expect(pings.times).toEqual([40, 80, 120]);
  });

  it('errors with PingTimeoutError when a pong is missing, within pingInterval + pongTimeout of the last pong', () => {
    const pings = pingRecorder();
    // The last pong comes at 50 ms; the next ping (80 ms) is never answered.
    const pongs = hot('-----a-------------b', PONGS);
    const latency = keepAlive(pings.sendPing, pongs, { pingInterval: 40, pongTimeout: 30, scheduler: getTestScheduler() });

    expect(nameAndMessage(latency)).toBeObservable(
      cold('-----a-----#', { a: 10 }, { name: 'PingTimeoutError', message: 'No pong, nor any other frame, within 30 ms of a ping' }),
    );
    expect(pings.times).toEqual([40, 80]);
  });

  it('reports a link that never answers within pingInterval + pongTimeout', () => {
    const pings = pingRecorder();
    const latency = keepAlive(pings.sendPing, hot('-'), { pingInterval: 20, pongTimeout: 50, scheduler: getTestScheduler() });

    expect(nameAndMessage(latency)).toBeObservable(
      cold('-------#', undefined, { name: 'PingTimeoutError', message: 'No pong, nor any other frame, within 50 ms of a ping' }),
    );
    expect(pings.times).toEqual([20]);
  });

  it('sends no ping while one is still awaited', () => {
    const pings = pingRecorder();
    // Ticks every 20 ms; the first pong takes 35 ms, so the tick at 40 ms sends nothing. (A value takes a frame.)
    const pongs = hot('----- 5ms a 30ms b', PONGS);
    const latency = keepAlive(pings.sendPing, pongs, { pingInterval: 20, pongTimeout: 50, scheduler: getTestScheduler() });

    expect(latency.pipe(take(2))).toBeObservable(cold('----- 5ms a 30ms (b|)', { a: 35, b: 35 }));
    expect(pings.times).toEqual([20, 60]);
  });

  it('takes a pong for the answer to the ping in flight only, not to a later ping', () => {
    const pings = pingRecorder();
    // A stray pong at 10 ms, before any ping, answers nothing; the ping at 30 ms is answered at 40 ms.
    const pongs = hot('-x--a', PONGS);
    const latency = keepAlive(pings.sendPing, pongs, { pingInterval: 30, pongTimeout: 20, scheduler: getTestScheduler() });

    expect(latency.pipe(take(1))).toBeObservable(cold('----(a|)', { a: 10 }));
  });

  it('counts a pong that comes back synchronously with its ping', () => {
    const scheduler = getTestScheduler();
    let answer: (() => void) | undefined;
    const pongs = new Observable<LifeSign>((subscriber) => {
      answer = () => subscriber.next('pong');
    });
    const latency = keepAlive(() => answer?.(), pongs, { pingInterval: 30, pongTimeout: 20, scheduler });

    expect(latency.pipe(take(2))).toBeObservable(cold('---a--(b|)', { a: 0, b: 0 }));
  });

  it('is disabled by a pingInterval of 0: no ping, no latency, no error', () => {
    const pings = pingRecorder();
    const latency = keepAlive(pings.sendPing, hot('-'), { pingInterval: 0, pongTimeout: 30, scheduler: getTestScheduler() });

    expect(latency).toBeObservable(cold('-'));
    expect(pings.times).toEqual([]);
  });

  it('stops pinging once unsubscribed', () => {
    const pings = pingRecorder();
    const scheduler = getTestScheduler();
    const subscription = keepAlive(pings.sendPing, hot('--a--b--c--d', PONGS), {
      pingInterval: 20,
      pongTimeout: 10,
      scheduler,
    }).subscribe();
    scheduler.schedule(() => subscription.unsubscribe(), 70);
    scheduler.flush();

    expect(pings.times).toEqual([20, 40, 60]);
  });

  it('takes any frame for a sign of life: a ping answered by an error frame instead of its pong does not end the link', () => {
    const pings = pingRecorder();
    // Pings at 40 and 80 ms. The first one gets an error frame (a server over its rate limit), never its pong; the
    // second gets its pong. Nothing errors, and only the pong gives a round trip.
    const signs = hot('-----f-----p', SIGNS);
    const latency = keepAlive(pings.sendPing, signs, { pingInterval: 40, pongTimeout: 30, scheduler: getTestScheduler() });

    expect(latency.pipe(take(1))).toBeObservable(cold('-----------(a|)', { a: 30 }));
    expect(pings.times).toEqual([40, 80]);
  });

  it('still measures the round trip when other frames come before the pong', () => {
    const pings = pingRecorder();
    // The ping at 40 ms: two notifications at 50 and 60 ms, then its pong at 70 ms.
    const signs = hot('-----ffp', SIGNS);
    const latency = keepAlive(pings.sendPing, signs, { pingInterval: 40, pongTimeout: 50, scheduler: getTestScheduler() });

    expect(latency.pipe(take(1))).toBeObservable(cold('-------(a|)', { a: 30 }));
  });

  it('stops waiting for a pong at pongTimeout once a frame proved the link alive, and pings at the next tick', () => {
    const pings = pingRecorder();
    // The ping at 40 ms hears a frame at 50 ms, no pong by 70 ms: the ping at 80 ms goes out and its pong comes at 90.
    const signs = hot('-----f---p', SIGNS);
    const latency = keepAlive(pings.sendPing, signs, { pingInterval: 40, pongTimeout: 30, scheduler: getTestScheduler() });

    expect(latency.pipe(take(1))).toBeObservable(cold('---------(a|)', { a: 10 }));
    expect(pings.times).toEqual([40, 80]);
  });

  it('ends with PingTimeoutError when nothing at all comes back, frames included', () => {
    const pings = pingRecorder();
    // Frames until 50 ms, then silence: the ping at 80 ms hears nothing within 30 ms.
    const signs = hot('--f--f', SIGNS);
    const latency = keepAlive(pings.sendPing, signs, { pingInterval: 40, pongTimeout: 30, scheduler: getTestScheduler() });

    expect(nameAndMessage(latency)).toBeObservable(
      cold('-----------#', undefined, { name: 'PingTimeoutError', message: 'No pong, nor any other frame, within 30 ms of a ping' }),
    );
  });

  describe('a deadline that fires late (a suspended process, a throttled tab)', () => {
    /** The test scheduler, whose clock can jump ahead: the timers due meanwhile fire late, as after a suspension. */
    function suspendable() {
      const scheduler = getTestScheduler();
      let skipped = 0;
      const clock: SchedulerLike = {
        now: () => scheduler.now() + skipped,
        schedule: scheduler.schedule.bind(scheduler),
      };
      return { clock, suspend: (ms: number) => scheduler.schedule(() => (skipped += ms), 50 - scheduler.now()) };
    }

    it('probes before declaring the link dead: the answer read after the wake-up keeps it alive', () => {
      const { clock, suspend } = suspendable();
      const pings = { times: [] as number[], sendPing: () => pings.times.push(clock.now()) };
      // Ping at 40 ms; the process sleeps 100 ms at 50 ms, so the 30 ms deadline (due at 70) fires at 170. The probe
      // goes out then, and the frame read at 80 (180 by the clock) answers it.
      suspend(100);
      const signs = hot('--------f', SIGNS);
      const latency = keepAlive(pings.sendPing, signs, { pingInterval: 40, pongTimeout: 30, scheduler: clock });

      expect(nameAndMessage(latency.pipe(takeUntil(timer(100, getTestScheduler()))))).toBeObservable(cold('----------|'));
      // 180 by the clock: the next regular ping, at the tick of 80 ms, once the wait ended.
      expect(pings.times).toEqual([40, 170, 180]);
    });

    it('declares the link dead when the probe too goes unanswered for pongTimeout', () => {
      const { clock, suspend } = suspendable();
      suspend(100);
      const latency = keepAlive(() => undefined, hot('-'), { pingInterval: 40, pongTimeout: 30, scheduler: clock });

      // The late deadline fires at 70 ms (virtual), the probe's own at 100 ms.
      expect(nameAndMessage(latency)).toBeObservable(
        cold('----------#', undefined, { name: 'PingTimeoutError', message: 'No pong, nor any other frame, within 30 ms of a ping' }),
      );
    });
  });
});

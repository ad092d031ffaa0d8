import { cold } from 'jasmine-marbles';
import { OneAtATime } from '../../../src/links/one-at-a-time';
import { marbles } from '../../support/marbles';

describe('OneAtATime', () => {
  it('starts each one once the one before it ended, in the order they were subscribed', () => {
    const scheduler = marbles();
    const line = new OneAtATime();
    scheduler.expectObservable(line.run(cold('--a|'))).toBe('--a|');
    scheduler.expectObservable(line.run(cold('-b|'))).toBe('----b|');
    scheduler.expectObservable(line.run(cold('c|'))).toBe('-----c|');
    scheduler.flush();
  });

  it('lets the next one start when one errors', () => {
    const scheduler = marbles();
    const line = new OneAtATime();
    scheduler.expectObservable(line.run(cold('--#'))).toBe('--#');
    scheduler.expectObservable(line.run(cold('-b|'))).toBe('---b|');
    scheduler.flush();
  });

  it('takes out of the line one unsubscribed while it waits, and lets the next start when the running one is unsubscribed', () => {
    const scheduler = marbles();
    const line = new OneAtATime();
    scheduler.expectObservable(line.run(cold('-----a|')), '^--!').toBe('---');
    scheduler.expectObservable(line.run(cold('b|')), '^-!').toBe('--');
    scheduler.expectObservable(line.run(cold('c|'))).toBe('---c|');
    scheduler.flush();
  });
});

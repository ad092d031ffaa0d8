import { LinkLostError, ReconnectionFailedError } from '../../../src/vocabulary/errors/connection-errors';
import { decideReconnect, type ReconnectPolicy } from '../../../src/protocol/reconnect-policy';

const policy: ReconnectPolicy = {
  autoReconnect: true,
  maxReconnectionAttempts: 3,
  reconnectionDelay: 100,
  maxReconnectionDelay: 1000,
  random: () => 0.5,
};
const networkLoss = new LinkLostError('network', true, 1006);

describe('decideReconnect', () => {
  it('waits half the doubling ceiling with a 0.5 jitter, attempt after attempt', () => {
    expect([0, 1, 2].map((failures) => decideReconnect(networkLoss, failures, policy))).toEqual([
      { kind: 'wait', attempt: 1, delay: 50 },
      { kind: 'wait', attempt: 2, delay: 100 },
      { kind: 'wait', attempt: 3, delay: 200 },
    ]);
  });

  it('gives up with ReconnectionFailedError carrying the last loss once the attempts are used up', () => {
    const decision = decideReconnect(networkLoss, 3, policy);
    expect(decision.kind).toBe('give-up');
    const error = decision.kind === 'give-up' ? decision.error : undefined;
    expect(error).toBeInstanceOf(ReconnectionFailedError);
    expect(error).toMatchObject({ attempts: 3, lastError: networkLoss });
  });

  it.each([1002, 1003, 1007, 1010])('gives up with the loss itself after the fatal close code %i', (code) => {
    const loss = new LinkLostError('server', true, code);
    expect(decideReconnect(loss, 0, policy)).toEqual({ kind: 'give-up', error: loss });
  });

  it('gives up with the loss itself when autoReconnect is off', () => {
    expect(decideReconnect(networkLoss, 0, { ...policy, autoReconnect: false })).toEqual({ kind: 'give-up', error: networkLoss });
  });

  it.each([
    ['ping-timeout', undefined],
    ['server', 1000],
    ['server', 1001],
    ['server', 4000],
    ['network', undefined],
  ] as const)('retries after a %s loss (code %s)', (origin, code) => {
    expect(decideReconnect(new LinkLostError(origin, true, code), 0, policy).kind).toBe('wait');
  });

  it('opens again at once after a cookie renewal, whatever the count and even with autoReconnect off', () => {
    const renewal = new LinkLostError('reopen', true, 1000);
    expect(decideReconnect(renewal, 99, { ...policy, autoReconnect: false })).toEqual({ kind: 'now' });
  });

  it('stops after a close asked for by the user', () => {
    expect(decideReconnect(new LinkLostError('user', true, 1000), 0, policy)).toEqual({ kind: 'stop' });
  });
});

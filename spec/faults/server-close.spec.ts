import { faultRow, faultSuite } from './support/fault-suite';

/** The server (here, the proxy in its name) ends the connection: with a close frame and a code, or without one. */
faultSuite('server close', (suite) => {
  const closes = [
    { code: 1000, reason: 'normal closure' },
    { code: 1001, reason: 'going away' },
    { code: 4001, reason: 'go away' },
  ];
  for (const { code, reason } of closes) {
    faultRow(suite, `server closes with ${code} (${reason})`, {}, async (bench) => {
      const link = await bench.link();
      bench.fault();
      link.close(code, reason);
      expect((await bench.log.next('disconnected', bench.faultAt, 5_000)).value).toEqual({
        type: 'disconnected',
        origin: 'server',
        code,
        reason,
      });
      await bench.recovered();
      await bench.finish({ losses: [{ origin: 'server', code, reason }] });
    });
  }

  faultRow(suite, 'server goes without a close frame (1006: TCP cut)', {}, async (bench) => {
    const link = await bench.link();
    bench.fault();
    link.cut();
    await bench.recovered();
    await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
  });

  // Never the real server unless the environment says how (KUZZLE_RESTART_CMD).
  faultRow(
    suite,
    'server restart with subscriptions active',
    { runIf: suite.name === 'embedded' || Boolean(process.env['KUZZLE_RESTART_CMD']), timeout: 240_000 },
    async (bench) => {
      bench.fault();
      await suite.target.restart();
      bench.healed();
      await bench.recovered();
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
    },
  );
});

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

  // The embedded server only. The real test server's storage is an in-memory stand-in: a restart loses the row's index,
  // and every document request after it fails with services.storage.unknown_index, which is no fault of the client.
  faultRow(suite, 'server restart with subscriptions active', { runIf: suite.name === 'embedded', timeout: 240_000 }, async (bench) => {
    bench.fault();
    // Healed when the server is back, not once the suite's own check of its test user is done.
    await suite.target.restart(() => bench.healed());
    await bench.recovered();
    await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
  });
});

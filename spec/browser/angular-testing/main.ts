// The test page: Angular compiled just in time, so the compiler comes first.
import '@angular/compiler';
import { getTestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { runScenarios, type ScenarioResult } from './scenarios';

declare global {
  interface Window {
    /** What the spec calls once the page loaded. */
    angularTesting?: {
      readonly run: () => Promise<Record<string, ScenarioResult>>;
      /** Whether zone.js is absent from the page: the component runs zoneless. */
      readonly zoneless: boolean;
    };
  }
}

getTestBed().initTestEnvironment(BrowserTestingModule, platformBrowserTesting(), { teardown: { destroyAfterEach: true } });
window.angularTesting = { run: runScenarios, zoneless: !('Zone' in globalThis) };

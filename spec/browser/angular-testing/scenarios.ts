import { provideZonelessChangeDetection, type Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { KuzzleTestingController, provideKuzzleTesting, type KuzzleTestingConfig } from '../../../src/angular/testing';
import { OrderPage } from './order-page';

/** What the component shows, read from the DOM. */
export interface Rendered {
  readonly connection: string;
  readonly status: string | null;
  readonly title: string | null;
  readonly total: string | null;
  readonly changes: readonly string[];
}

/** One scenario's DOM after each step, by step name, or the error it stopped with. */
export interface ScenarioResult {
  readonly steps: Readonly<Record<string, Rendered>>;
  readonly error?: string;
  /** Messages of errors the test expected (a failed expectation, say). */
  readonly caught: readonly string[];
}

const ORDER = { _id: 'o1', _source: { customer: 'ann', total: 12 }, _version: 1 };
const ANN = { index: 'shop', collection: 'orders', filters: { equals: { customer: 'ann' } } };

const text = (root: HTMLElement, selector: string): string | null => root.querySelector(selector)?.textContent?.trim() ?? null;

function rendered(fixture: ComponentFixture<unknown>): Rendered {
  const root = fixture.nativeElement as HTMLElement;
  return {
    connection: text(root, '.connection') ?? '',
    status: text(root, '.status'),
    title: text(root, 'h1'),
    total: text(root, '.total'),
    changes: Array.from(root.querySelectorAll('.changes li'), (li) => li.textContent?.trim() ?? ''),
  };
}

interface Step {
  readonly fixture: ComponentFixture<OrderPage>;
  readonly controller: KuzzleTestingController;
  /** Renders what changed and records the DOM under `name`. */
  readonly snapshot: (name: string) => Promise<void>;
  /** Runs `work`, which must throw; records its message. */
  readonly expectThrow: (work: () => void) => void;
}

type Scenario = (step: Step) => Promise<void>;

interface Entry {
  /** The options of provideKuzzleTesting(). @default {} */
  readonly config?: KuzzleTestingConfig;
  readonly run: Scenario;
}

/** Each scenario on a fresh TestBed: provideKuzzleTesting() and the component, zoneless. */
const scenarios: Readonly<Record<string, Entry>> = {
  'renders the document once the controller answers': {
    run: async ({ controller, snapshot }) => {
      await snapshot('before');
      controller.expectOne({ controller: 'document', action: 'get', index: 'shop', collection: 'orders', _id: 'o1' }).respond(ORDER);
      await snapshot('answered');
      controller.verify();
    },
  },

  'lists the notifications the controller pushes': {
    run: async ({ controller, snapshot }) => {
      controller.expectOne('document:get').respond(ORDER);
      controller.notifyDocument(ANN, { _id: 'o2', _source: { customer: 'ann', total: 30 } });
      await snapshot('one');
      controller.notifyDocument(ANN, { action: 'update', _id: 'o1', _source: { customer: 'ann', total: 15 }, _updatedFields: ['total'] });
      controller.notifyDocument(ANN, { action: 'delete', _id: 'o2' });
      await snapshot('three');
      controller.verify();
    },
  },

  'shows the error the controller answers with': {
    run: async ({ controller, snapshot }) => {
      controller
        .expectOne('document:get')
        .fail({ status: 404, id: 'services.storage.not_found', message: 'Document "o1" not found in "shop":"orders".' });
      await snapshot('failed');
    },
  },

  'fails an expectation naming what the component sent': {
    run: async ({ controller, expectThrow }) => {
      expectThrow(() => controller.expectOne({ controller: 'document', action: 'get', _id: 'o9' }));
      expectThrow(() => controller.verify());
      controller.expectOne('document:get').respond(ORDER);
    },
  },

  'times out in virtual time': {
    config: { client: { requestTimeout: 5000 } },
    run: async ({ controller, snapshot }) => {
      controller.expectOne('document:get');
      controller.tick(4999);
      await snapshot('4999 ms');
      controller.tick(1);
      await snapshot('5000 ms');
    },
  },

  'shows the link dropping and coming back, and the subscription restored': {
    run: async ({ controller, snapshot }) => {
      controller.expectOne('document:get').respond(ORDER);
      controller.dropLink();
      await snapshot('dropped');
      controller.restoreLink();
      controller.tick(500);
      controller.notifyDocument(ANN, { _id: 'o3', _source: { customer: 'ann', total: 7 } });
      await snapshot('restored');
    },
  },
};

async function runOne(component: Type<OrderPage>, config: KuzzleTestingConfig | undefined, scenario: Scenario): Promise<ScenarioResult> {
  const steps: Record<string, Rendered> = {};
  const caught: string[] = [];
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideKuzzleTesting(config)] });
  try {
    const fixture = TestBed.createComponent(component);
    const controller = TestBed.inject(KuzzleTestingController);
    const snapshot = async (name: string) => {
      await fixture.whenStable();
      steps[name] = rendered(fixture);
    };
    const expectThrow = (work: () => void) => {
      try {
        work();
      } catch (error) {
        caught.push(error instanceof Error ? error.message : String(error));
        return;
      }
      throw new Error('expected an error, none was thrown');
    };
    await scenario({ fixture, controller, snapshot, expectThrow });
    return { steps, caught };
  } catch (error) {
    return { steps, caught, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    TestBed.resetTestingModule();
  }
}

/** Runs every scenario in turn; their results by name. */
export async function runScenarios(): Promise<Record<string, ScenarioResult>> {
  const results: Record<string, ScenarioResult> = {};
  for (const [name, { config, run }] of Object.entries(scenarios)) results[name] = await runOne(OrderPage, config, run);
  return results;
}

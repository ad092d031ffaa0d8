import { type ControllerSurface, controllerSurfaces, problemsOf } from './public-methods';

const problems = (surface: ControllerSurface): string[] =>
  surface.methods.flatMap((method) => problemsOf(method, surface.errors).map((problem) => `${method.name}: ${problem}  (${method.at})`));

describe('the API reference', () => {
  let fixture: ControllerSurface;
  let surface: ControllerSurface;

  beforeAll(() => {
    [fixture, surface] = controllerSurfaces(['spec/unit/docs/fixture/index.ts', 'src/index.ts']) as [ControllerSurface, ControllerSurface];
  });

  describe('the doc comment check', () => {
    it('reports the public methods of a controller, inherited ones included, and which lack a comment', () => {
      expect(fixture.controllers).toEqual(['FixtureController']);
      expect(fixture.methods.map((method) => `${method.name} ${method.documented}`).sort()).toEqual([
        'FixtureController.bare false',
        'FixtureController.both true',
        'FixtureController.documented true',
        'FixtureController.inherited true',
        'FixtureController.inheritedBare false',
        'FixtureController.inheritedNoThrows true',
        'FixtureController.label true',
        'FixtureController.noThrows true',
        'FixtureController.overloaded (overload 1 of 2) true',
        'FixtureController.overloaded (overload 2 of 2) false',
        'FixtureController.silentOnWhatItEmits true',
        'FixtureController.tagsOnly false',
        'FixtureController.unknownThrows true',
        'FixtureController.untypedThrows true',
      ]);
    });

    it('reads the first sentence past the full stops of code spans, and the error class of each @throws', () => {
      const documented = fixture.methods.find((method) => method.name === 'FixtureController.documented');
      expect(documented?.firstSentence).toBe("Emits what `documented` emits (version `'v1.2'`, not a full stop), then completes.");
      expect(documented?.throws).toEqual(['InvalidRequestError', 'KuzzleError']);
      expect(fixture.errors.slice().sort()).toEqual(['InvalidRequestError', 'KuzzleError']);
    });

    it('fails a method without a comment, a first sentence on what it emits, or a @throws naming an error class', () => {
      const byMethod = Object.fromEntries(fixture.methods.map((method) => [method.name, problemsOf(method, fixture.errors)]));
      expect(byMethod).toEqual({
        'FixtureController.bare': ['no comment (or tags only)'],
        'FixtureController.both': [],
        'FixtureController.documented': [],
        'FixtureController.inherited': [],
        'FixtureController.inheritedBare': ['no comment (or tags only)'],
        'FixtureController.inheritedNoThrows': ['no @throws'],
        'FixtureController.label': [],
        'FixtureController.noThrows': ['no @throws'],
        'FixtureController.overloaded (overload 1 of 2)': [],
        'FixtureController.overloaded (overload 2 of 2)': ['no comment (or tags only)'],
        'FixtureController.silentOnWhatItEmits': ['first sentence does not say what it emits'],
        'FixtureController.tagsOnly': ['no comment (or tags only)'],
        'FixtureController.unknownThrows': ['@throws {NoSuchError}: not an error class of the entry'],
        'FixtureController.untypedThrows': ['@throws without an error class'],
      });
    });
  });

  describe('of src/index.ts', () => {
    it('exports every controller Kuzzle has, so that a lean client can build any of them', () => {
      expect(surface.onKuzzle.length).toBeGreaterThanOrEqual(11);
      expect(surface.onKuzzle.filter((name) => !surface.controllers.includes(name))).toEqual([]);
    });

    it('says, for every public method of every exported controller, what it emits and which errors it raises', () => {
      expect(surface.methods.length).toBeGreaterThan(surface.controllers.length);
      expect(surface.errors).toEqual(expect.arrayContaining(['KuzzleError', 'InvalidRequestError', 'RequestTimeoutError']));
      const found = problems(surface);
      expect(
        found.length === 0,
        `${found.length} problem(s) in the doc comments of public controller methods:\n${found.join('\n')}\n`,
      ).toBe(true);
    });
  });
});

import { type ControllerSurface, controllerSurfaces } from './public-methods';

const undocumented = (surface: ControllerSurface): string[] =>
  surface.methods.filter((method) => !method.documented).map((method) => `${method.name}  (${method.at})`);

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
        'FixtureController.tagsOnly false',
      ]);
    });
  });

  describe('of src/index.ts', () => {
    it('exports every controller Kuzzle has, so that a lean client can build any of them', () => {
      expect(surface.onKuzzle.length).toBeGreaterThanOrEqual(11);
      expect(surface.onKuzzle.filter((name) => !surface.controllers.includes(name))).toEqual([]);
    });

    it('has a doc comment on every public method of every exported controller', () => {
      expect(surface.methods.length).toBeGreaterThan(surface.controllers.length);
      const missing = undocumented(surface);
      expect(missing.length === 0, `${missing.length} public controller method(s) without a doc comment:\n${missing.join('\n')}\n`).toBe(
        true,
      );
    });
  });
});

import { relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A public method of an exported controller class, as a reader of the API reference meets it. */
export interface PublicMethod {
  /** `Controller.method` */
  readonly name: string;
  /** `src/...ts:line` of its first declaration. */
  readonly at: string;
  readonly documented: boolean;
}

export interface ControllerSurface {
  /** The exported classes built on `BaseController`, by name. */
  readonly controllers: readonly string[];
  /** The controllers `Kuzzle` has as properties, by class name. */
  readonly onKuzzle: readonly string[];
  readonly methods: readonly PublicMethod[];
}

const isPublic = (declaration: ts.Declaration): boolean =>
  !(ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
  !(ts.isMethodDeclaration(declaration) && ts.isPrivateIdentifier(declaration.name));

const isInternal = (declaration: ts.Declaration): boolean => ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'internal');

function extendsBase(type: ts.Type, checker: ts.TypeChecker): boolean {
  for (const base of checker.getBaseTypes(type as ts.InterfaceType)) {
    if (base.getSymbol()?.getName() === 'BaseController' || extendsBase(base, checker)) return true;
  }
  return false;
}

/**
 * Reads entries (src/index.ts) with the compiler, in one program: each one's controller classes (exported, built on
 * `BaseController`) and the public methods of each, inherited ones included, with whether they have a doc comment. A
 * comment of tags alone (`/** @param ... *\/`) is no documentation; `@internal` methods are not public.
 */
export function controllerSurfaces(entries: readonly string[]): ControllerSurface[] {
  const files = entries.map((entry) => resolve(ROOT, entry));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    // Without the DOM's types, which the question does not need: a third of the time.
    lib: ['lib.es2022.d.ts'],
  });
  const checker = program.getTypeChecker();
  return files.map((file) => surfaceOf(file, program, checker));
}

function surfaceOf(entryFile: string, program: ts.Program, checker: ts.TypeChecker): ControllerSurface {
  const source = program.getSourceFile(entryFile);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${relative(ROOT, entryFile)} has no module symbol`);
  const classes = checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
    .filter((symbol) => symbol.flags & ts.SymbolFlags.Class);
  const controllers = classes.filter((symbol) => extendsBase(checker.getDeclaredTypeOfSymbol(symbol), checker));

  const methods = controllers.flatMap((controller) =>
    checker
      .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(controller))
      .filter((member) => member.flags & ts.SymbolFlags.Method)
      .flatMap((member): PublicMethod[] => {
        const declarations = member.getDeclarations() ?? [];
        const [first] = declarations;
        if (!first || !declarations.every(isPublic) || declarations.some(isInternal)) return [];
        const file = first.getSourceFile();
        const line = file.getLineAndCharacterOfPosition(first.getStart()).line + 1;
        return [
          {
            name: `${controller.getName()}.${member.getName()}`,
            at: `${relative(ROOT, file.fileName)}:${line}`,
            documented: ts.displayPartsToString(member.getDocumentationComment(checker)).trim() !== '',
          },
        ];
      }),
  );

  const kuzzle = classes.find((symbol) => symbol.getName() === 'Kuzzle');
  const onKuzzle = kuzzle
    ? checker
        .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(kuzzle))
        .map((property) => checker.getTypeOfSymbol(property))
        .filter((type) => type.isClass() && extendsBase(type, checker))
        .map((type) => type.getSymbol()?.getName() ?? '?')
    : [];

  return { controllers: controllers.map((symbol) => symbol.getName()), onKuzzle, methods };
}

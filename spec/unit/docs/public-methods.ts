import { relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * A public method of an exported controller class, as a reader of the API reference meets it: one per signature, so
 * an overloaded method is one entry per overload (the API reference shows each with its own comment).
 */
export interface PublicMethod {
  /** `Controller.method`, and `Controller.method (overload 2 of 2)` for an overload. */
  readonly name: string;
  /** `src/...ts:line` of its declaration. */
  readonly at: string;
  /** Whether its doc comment has text: a comment of tags alone (`/** @param ... *\/`) is no documentation. */
  readonly documented: boolean;
  /** The comment's first sentence (up to the first full stop outside a code span), `''` when it has no text. */
  readonly firstSentence: string;
  /** The error class each `@throws` tag names (`@throws {KuzzleError} when ...`), in order; `''` for a tag without one. */
  readonly throws: readonly string[];
  /** Whether it returns an Observable: its first sentence then says what the Observable emits. */
  readonly observable: boolean;
}

export interface ControllerSurface {
  /** The exported classes built on `BaseController`, by name. */
  readonly controllers: readonly string[];
  /** The controllers `Kuzzle` has as properties, by class name. */
  readonly onKuzzle: readonly string[];
  /** The exported classes built on `Error`, by name: what a `@throws` tag may name. */
  readonly errors: readonly string[];
  readonly methods: readonly PublicMethod[];
}

const isPublic = (declaration: ts.Declaration): boolean =>
  !(ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
  !(ts.isMethodDeclaration(declaration) && ts.isPrivateIdentifier(declaration.name));

const isInternal = (declaration: ts.Declaration): boolean => ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'internal');

function extendsNamed(type: ts.Type, checker: ts.TypeChecker, name: string): boolean {
  for (const base of checker.getBaseTypes(type as ts.InterfaceType)) {
    if (base.getSymbol()?.getName() === name || extendsNamed(base, checker, name)) return true;
  }
  return false;
}

/**
 * The first sentence of a comment's text: up to the first full stop followed by a space or the end, outside code
 * spans (`'v20.20.2'`, `'address.city'`), or the first paragraph when there is no such full stop.
 */
export function firstSentenceOf(text: string): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? '';
  let inCode = false;
  for (let i = 0; i < paragraph.length; i++) {
    const char = paragraph[i];
    if (char === '`') inCode = !inCode;
    else if (char === '.' && !inCode && (i + 1 === paragraph.length || /\s/.test(paragraph[i + 1] ?? ''))) {
      return paragraph.slice(0, i + 1).replace(/\s+/g, ' ');
    }
  }
  return paragraph.replace(/\s+/g, ' ');
}

/** The doc comment written right above a declaration (the last one, when there are several). */
function ownDoc(declaration: ts.Declaration): ts.JSDoc | undefined {
  return ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1);
}

/** The declarations a reader sees: an overloaded method's overloads (not its implementation), or its one declaration. */
function signaturesOf(declarations: readonly ts.Declaration[]): readonly ts.Declaration[] {
  const overloads = declarations.filter((d) => ts.isMethodDeclaration(d) && d.body === undefined);
  return declarations.length > 1 && overloads.length > 0 ? overloads : declarations;
}

/** The error class each `@throws` tag of `doc` names, `''` for a tag without one. */
function throwsOf(doc: ts.JSDoc | undefined): string[] {
  const tags: readonly ts.JSDocTag[] = doc?.tags ?? [];
  return tags.filter(ts.isJSDocThrowsTag).map((tag) => tag.typeExpression?.type.getText() ?? '');
}

function returnsObservable(declaration: ts.Declaration, checker: ts.TypeChecker): boolean {
  const signature = ts.isMethodDeclaration(declaration) ? checker.getSignatureFromDeclaration(declaration) : undefined;
  return signature !== undefined && checker.getReturnTypeOfSignature(signature).getSymbol()?.getName() === 'Observable';
}

/**
 * Reads entries (src/index.ts) with the compiler, in one program: each one's controller classes (exported, built on
 * `BaseController`) and the public signatures of each, inherited ones included, with what their doc comment says.
 * `@internal` methods are not public.
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
  const builtOn = (symbol: ts.Symbol, name: string) => extendsNamed(checker.getDeclaredTypeOfSymbol(symbol), checker, name);
  const controllers = classes.filter((symbol) => builtOn(symbol, 'BaseController'));

  const methods = controllers.flatMap((controller) =>
    checker
      .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(controller))
      .filter((member) => member.flags & ts.SymbolFlags.Method)
      .flatMap((member): PublicMethod[] => {
        const declarations = member.getDeclarations() ?? [];
        if (declarations.length === 0 || !declarations.every(isPublic) || declarations.some(isInternal)) return [];
        const signatures = signaturesOf(declarations);
        return signatures.map((declaration, i) => {
          const file = declaration.getSourceFile();
          const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
          const doc = ownDoc(declaration);
          const text = (ts.getTextOfJSDocComment(doc?.comment) ?? '').trim();
          const overload = signatures.length > 1 ? ` (overload ${i + 1} of ${signatures.length})` : '';
          return {
            name: `${controller.getName()}.${member.getName()}${overload}`,
            at: `${relative(ROOT, file.fileName)}:${line}`,
            documented: text !== '',
            firstSentence: firstSentenceOf(text),
            throws: throwsOf(doc),
            observable: returnsObservable(declaration, checker),
          };
        });
      }),
  );

  const kuzzle = classes.find((symbol) => symbol.getName() === 'Kuzzle');
  const onKuzzle = kuzzle
    ? checker
        .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(kuzzle))
        .map((property) => checker.getTypeOfSymbol(property))
        .filter((type) => type.isClass() && extendsNamed(type, checker, 'BaseController'))
        .map((type) => type.getSymbol()?.getName() ?? '?')
    : [];

  return {
    controllers: controllers.map((symbol) => symbol.getName()),
    onKuzzle,
    errors: classes.filter((symbol) => builtOn(symbol, 'Error')).map((symbol) => symbol.getName()),
    methods,
  };
}

/**
 * What the API reference would lack for `method`: a comment, a first sentence saying what the Observable emits, a
 * `@throws` tag, a `@throws` naming one of `errors` (the error classes a user can import and test for).
 */
export function problemsOf(method: PublicMethod, errors: readonly string[]): string[] {
  if (!method.documented) return ['no comment (or tags only)'];
  const problems: string[] = [];
  if (method.observable && !/\bemit/i.test(method.firstSentence)) problems.push('first sentence does not say what it emits');
  if (method.throws.length === 0) problems.push('no @throws');
  for (const type of method.throws) {
    if (type === '') problems.push('@throws without an error class');
    else if (!errors.includes(type)) problems.push(`@throws {${type}}: not an error class of the entry`);
  }
  return problems;
}

import '@angular/compiler';
import { VERSION } from '@angular/core';
import { VERSION as SERVER_VERSION } from '@angular/platform-server';
import { expectedAngular } from '../../browser/angular/bundle';

// scripts/angular-oldest.sh runs the Angular specs on another Angular than the project's: this says which ran.
describe('the Angular the specs run on', () => {
  it("is the project's, or the one given to scripts/angular-oldest.sh, for the core and the server platform", () => {
    expect([VERSION.full, SERVER_VERSION.full]).toEqual([expectedAngular(), expectedAngular()]);
  });
});

// A page without zone.js: change detection is scheduled by the signals the helpers write, and nothing else.
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { Dashboard, dashboardProviders, exposeApp } from './dashboard';

bootstrapApplication(Dashboard, { providers: [provideZonelessChangeDetection(), ...dashboardProviders()] }).then(
  exposeApp,
  (error: unknown) => {
    console.error(error);
  },
);

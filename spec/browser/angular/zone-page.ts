// A page under the real zone.js, loaded before Angular as an application's polyfills are.
import 'zone.js';
import '@angular/compiler';
import { provideZoneChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { Dashboard, dashboardProviders, exposeApp } from './dashboard';

bootstrapApplication(Dashboard, { providers: [provideZoneChangeDetection(), ...dashboardProviders()] }).then(
  exposeApp,
  (error: unknown) => {
    console.error(error);
  },
);

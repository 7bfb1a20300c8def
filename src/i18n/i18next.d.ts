// Typed keys: t('play:controls.pause') is checked against the English resources at compile time.
import 'i18next';
import type author from './locales-lazy/en/author.json';
import type common from './locales/en/common.json';
import type debrief from './locales/en/debrief.json';
import type library from './locales/en/library.json';
import type libraryAdded from './locales-lazy/en/library-added.json';
import type lms from './locales-lazy/en/lms.json';
import type play from './locales/en/play.json';
import type progress from './locales-lazy/en/progress.json';
import type review from './locales-lazy/en/review.json';
import type ui from './locales/en/ui.json';
import type voice from './locales-lazy/en/voice.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      ui: typeof ui;
      library: typeof library;
      'library-added': typeof libraryAdded;
      play: typeof play;
      debrief: typeof debrief;
      author: typeof author;
      review: typeof review;
      lms: typeof lms;
      progress: typeof progress;
      voice: typeof voice;
    };
  }
}

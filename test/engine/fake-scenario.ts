// Only until lint.test.ts (being edited elsewhere) imports test/fakes/callback-call.ts itself.
export { fakeCallbackCall as fakeScenario, fakeCallbackRubric as fakeRubric } from '../fakes/callback-call';

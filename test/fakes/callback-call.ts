import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { RubricSchema } from '@/engine/format/rubric-schema';
import { ScenarioSchema } from '@/engine/format/scenario-schema';

/**
 * The engine tests' call, validated by the schema: greet or not, apologise or blame, promise a
 * callback and keep it (or not). `when` on `facts` sends a furious customer to the regulator. (The
 * views' tests use `fakeScenario` in ./scenario.ts, which shows every feature of the trainee UI.)
 */
export function fakeCallbackCall(partial: Partial<Scenario> = {}): Scenario {
  return ScenarioSchema.parse({
    schemaVersion: 1,
    id: 'fake-callback-call',
    version: 1,
    locales: ['en', 'zh-CN'],
    title: { en: 'Fake call', 'zh-CN': '测试来电' },
    brief: { en: 'A test call.', 'zh-CN': '测试用。' },
    channel: 'phone',
    customer: {
      name: { en: 'Mr Test', 'zh-CN': '测试先生' },
      persona: 'victim',
      temperament: 'impatient',
      mood: { anger: 60, trust: 40 },
    },
    start: 'opening',
    nodes: {
      opening: {
        say: { en: 'Nobody called me back!', 'zh-CN': '没人给我回电话！' },
        freeText: true,
        responses: [
          {
            id: 'greet-apologise',
            text: {
              en: 'Good morning, Star River service, Li speaking. I am so sorry.',
              'zh-CN': '您好，星河客服小李。非常抱歉。',
            },
            rules: { 'etiquette.greeting': 1, 'apology.sincere': 1 },
            mood: { anger: -5 },
            next: 'facts',
          },
          {
            id: 'blame',
            text: { en: 'What? You must have given the wrong number.', 'zh-CN': '啥？肯定是你留错号码了。' },
            rules: { 'etiquette.greeting': -1, 'etiquette.no-blame': -1 },
            mood: { anger: 30 },
            next: 'facts',
          },
        ],
      },
      facts: {
        say: [
          {
            if: { anger: { gte: 75 } },
            text: { en: 'My fault? So what now?', 'zh-CN': '怪我？那现在怎么办？' },
          },
          { text: { en: 'So what now?', 'zh-CN': '那现在怎么办？' } },
        ],
        when: [{ if: { anger: { gte: 90 } }, next: 'regulator' }],
        responses: [
          {
            id: 'promise',
            text: { en: 'I will call you back by five today.', 'zh-CN': '我今天五点前给您回电。' },
            rules: { 'resolution.concrete-commitment': 1 },
            promise: {
              id: 'callback',
              what: { en: 'call back by five', 'zh-CN': '五点前回电' },
              due: { turns: 1 },
            },
            set: ['callback-offered'],
            next: 'callback',
          },
          {
            id: 'vague',
            text: {
              en: "Someone from our team will be in touch with you about this soon, I'm sure.",
              'zh-CN': '会有人尽快跟您联系处理这件事的，请您放心等消息。',
            },
            rules: { 'resolution.concrete-commitment': -1 },
            next: 'callback',
          },
        ],
      },
      callback: {
        when: [{ if: { not: { flag: 'callback-offered' } }, next: 'lost' }],
        say: { en: '(17:00) Hello?', 'zh-CN': '（17:00）喂？' },
        // Only a customer who was promised the call gets here: the branch above sends the rest away.
        sayFits: 'any',
        responses: [
          {
            id: 'forget',
            text: { en: 'Sorry, not yet.', 'zh-CN': '抱歉，还没有。' },
            rules: { 'apology.sincere': 1 },
            next: 'lost',
          },
          {
            id: 'keep',
            text: {
              en: 'Calling back as promised. Is that all right now?',
              'zh-CN': '按约给您回电。这样处理可以吗？',
            },
            rules: { 'resolution.confirm-close': 1, 'etiquette.closing': 1 },
            keep: ['callback'],
            next: 'resolved',
          },
        ],
      },
      resolved: { ending: { outcome: 'resolved', say: { en: 'Thanks.', 'zh-CN': '谢谢。' } } },
      lost: { ending: { outcome: 'customer-lost', say: { en: 'Forget it.', 'zh-CN': '算了。' } } },
      regulator: {
        ending: {
          outcome: 'went-to-regulator',
          say: { en: 'I am calling the regulator.', 'zh-CN': '我要投诉到工信部。' },
        },
      },
    },
    ...partial,
  });
}

/**
 * The rubric `fakeCallbackCall` is scored with. Overrides are applied after validation so tests can
 * build rubrics the schema would refuse.
 */
export function fakeCallbackRubric(partial: Partial<Rubric> = {}): Rubric {
  const rule = (principle: string, extra: Record<string, unknown> = {}) => ({
    principle,
    title: 'T',
    explanation: 'E',
    quote: 'Q',
    source: 'M1',
    ...extra,
  });
  const base = RubricSchema.parse({
    rubricVersion: 1,
    id: 'default',
    version: 1,
    locales: ['en'],
    title: 'Fake rubric',
    passMark: 70,
    principles: {
      listening: { weight: 1, title: 'L' },
      apology: { weight: 1, title: 'A' },
      resolution: { weight: 1, title: 'R' },
      etiquette: { weight: 1, title: 'E' },
    },
    rules: {
      'etiquette.greeting': rule('etiquette', { expect: { on: 'first-turn' }, mood: { met: { anger: -2 } } }),
      'etiquette.no-blame': rule('etiquette', {
        critical: true,
        weight: 2,
        mood: { violated: { anger: 20, trust: -10 } },
      }),
      'etiquette.closing': rule('etiquette', { expect: { on: 'before-ending' } }),
      'etiquette.responsiveness': rule('etiquette', { mood: { violated: { anger: 5 } } }),
      'apology.sincere': rule('apology', {
        weight: 1.5,
        expect: { on: 'within-turns', turns: 2 },
        mood: { met: { anger: -10, trust: 5 } },
      }),
      'resolution.concrete-commitment': rule('resolution', { mood: { met: { trust: 8 } } }),
      'resolution.no-overpromise': rule('resolution', { mood: { violated: { anger: 10 } } }),
      'resolution.confirm-close': rule('resolution', { expect: { on: 'before-ending' } }),
      'listening.paraphrase': rule('listening'),
    },
  });
  return { ...base, ...partial };
}

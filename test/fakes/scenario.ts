import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';

/**
 * A small phone complaint with every feature the trainee UI shows: free text, a promise that is
 * kept, a critical violation path, a timed turn and two endings.
 */
export function fakeScenario(partial: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: 1,
    id: 'fake-call',
    version: 1,
    locales: ['en', 'zh-CN'],
    title: { en: 'The late parcel', 'zh-CN': '迟到的包裹' },
    brief: { en: 'A parcel promised for Monday has not arrived.', 'zh-CN': '承诺周一送达的包裹还没到。' },
    channel: 'phone',
    difficulty: 'easy',
    minutes: 3,
    rubric: 'default',
    customer: {
      name: { en: 'Ms Li', 'zh-CN': '李女士' },
      persona: 'rational',
      temperament: 'impatient',
      mood: { anger: 60, trust: 40 },
    },
    start: 'opening',
    nodes: {
      opening: {
        say: { en: 'Where is my parcel?', 'zh-CN': '我的包裹到底在哪儿？' },
        freeText: true,
        responses: [
          {
            id: 'greet',
            text: {
              en: 'Good morning, I am sorry for the wait. Let me check.',
              'zh-CN': '您好，让您久等了，非常抱歉，我马上查。',
            },
            rules: { 'etiquette.greeting': 1, 'apology.sincere': 1 },
            mood: { anger: -10, trust: 10 },
            feedback: { en: 'A greeting and an apology first.', 'zh-CN': '先问候，再道歉。' },
            next: 'facts',
          },
          {
            id: 'blame',
            text: { en: 'The courier lost it, not us.', 'zh-CN': '是快递弄丢的，不关我们的事。' },
            rules: { 'etiquette.no-blame': -1 },
            mood: { anger: 30 },
            next: 'lost',
          },
        ],
      },
      facts: {
        say: { en: 'It was due on Monday.', 'zh-CN': '说好周一到的。' },
        timeLimit: 20,
        responses: [
          {
            id: 'promise',
            text: {
              en: 'So it was due Monday. I will call you back by noon with the tracking result.',
              'zh-CN': '也就是说周一就该到。我中午前给您回电话告知查询结果。',
            },
            rules: { 'listening.paraphrase': 1 },
            promise: {
              id: 'callback',
              what: { en: 'call back by noon', 'zh-CN': '中午前回电' },
              due: { turns: 1 },
            },
            mood: { anger: -10, trust: 10 },
            next: 'close',
          },
          {
            id: 'shrug',
            text: { en: 'These things happen.', 'zh-CN': '这种事难免的。' },
            mood: { anger: 20 },
            next: 'close',
          },
        ],
      },
      close: {
        say: { en: 'Fine. Anything else?', 'zh-CN': '好吧，还有别的吗？' },
        responses: [
          {
            id: 'keep',
            text: { en: 'I have the result now: it arrives today.', 'zh-CN': '结果查到了：今天送到。' },
            keep: ['callback'],
            next: 'resolved',
          },
          { id: 'bye', text: { en: 'No. Bye.', 'zh-CN': '没有了，再见。' }, next: 'resolved' },
        ],
      },
      resolved: {
        ending: {
          outcome: 'resolved',
          say: { en: 'Thank you.', 'zh-CN': '谢谢。' },
          summary: { en: 'Settled.', 'zh-CN': '解决了。' },
        },
      },
      lost: {
        ending: {
          outcome: 'customer-lost',
          say: { en: 'I am done with you.', 'zh-CN': '我不跟你们做生意了。' },
        },
      },
    },
    ...partial,
  };
}

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export function fakeRubric(partial: Partial<Rubric> = {}): Rubric {
  const rule = (
    principle: 'listening' | 'apology' | 'resolution' | 'etiquette',
    en: string,
    zh: string,
    extra: Partial<Rubric['rules'][string]> = {},
  ) => ({
    principle,
    title: text(en, zh),
    explanation: text(`Why: ${en}`, `原因：${zh}`),
    quote: `手册：${zh}`,
    source: 'M1',
    weight: 1,
    critical: false,
    ...extra,
  });
  return {
    rubricVersion: 1,
    id: 'default',
    version: 1,
    locales: ['en', 'zh-CN'],
    title: text('Test rubric', '测试标准'),
    passMark: 70,
    failOutcomes: ['customer-lost', 'went-to-media', 'went-to-regulator'],
    repeatDecay: 0.5,
    principles: {
      listening: { weight: 1, title: text('Listening', '倾听') },
      apology: { weight: 1, title: text('Apology', '道歉') },
      resolution: { weight: 1, title: text('Resolution', '解决') },
      etiquette: { weight: 1, title: text('Etiquette', '礼仪') },
    },
    rules: {
      'listening.paraphrase': rule('listening', 'Paraphrase and confirm', '复述确认'),
      'apology.sincere': rule('apology', 'Apologise sincerely', '真诚道歉'),
      'resolution.concrete-commitment': rule('resolution', 'Concrete commitment', '具体承诺'),
      'resolution.no-overpromise': rule('resolution', 'No overpromising', '不过度承诺'),
      'etiquette.greeting': rule('etiquette', 'Greet the customer', '问候客户', {
        expect: { on: 'first-turn' },
      }),
      'etiquette.no-blame': rule('etiquette', 'Never blame others', '不推卸责任', { critical: true }),
      'etiquette.responsiveness': rule('etiquette', 'Answer promptly', '及时回应'),
    },
    ...partial,
  };
}

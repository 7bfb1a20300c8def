// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VoiceOnCall, VoiceReplyButton, VoiceSetting } from '@/features/play/voice-mount';
import { pickVoice, prosody, speakLine } from '@/features/play/voice-speech';
import { transcriptOf } from '@/features/play/voice-recognition';
import { useVoice, VOICE_STORAGE_KEY } from '@/state/voice-store';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';

const voice = (lang: string, localService = true) =>
  ({ lang, name: `voice ${lang}`, localService, default: false, voiceURI: lang }) as SpeechSynthesisVoice;

class FakeUtterance {
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  pitch = 1;
  constructor(public text: string) {}
}

/** A browser with speech synthesis: records what it was asked to say. */
function stubSynthesis() {
  const spoken: FakeUtterance[] = [];
  const synth = {
    getVoices: () => [voice('en-US'), voice('zh-TW'), voice('zh-CN')],
    speak: vi.fn((u: FakeUtterance) => spoken.push(u)),
    cancel: vi.fn(),
  };
  Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance });
  return { spoken, synth };
}

interface FakeRecognition {
  lang: string;
  start: () => void;
  onresult: ((e: { results: Array<Array<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
}

function stubRecognition() {
  const made: FakeRecognition[] = [];
  class Recognition {
    lang = '';
    interimResults = true;
    maxAlternatives = 5;
    continuous = true;
    onresult = null;
    onerror = null;
    onend = null;
    start = vi.fn();
    stop = vi.fn();
    abort = vi.fn();
    constructor() {
      made.push(this as unknown as FakeRecognition);
    }
  }
  Object.assign(window, { webkitSpeechRecognition: Recognition });
  return made;
}

function removeSpeech() {
  for (const key of [
    'speechSynthesis',
    'SpeechSynthesisUtterance',
    'SpeechRecognition',
    'webkitSpeechRecognition',
  ])
    Reflect.deleteProperty(window, key);
}

beforeEach(async () => {
  removeSpeech();
  // The controls fetch their own strings (voice.json) the first time they show.
  await setUpApp();
  useVoice.setState({ enabled: false, phoneCall: false });
});
afterEach(removeSpeech);

describe('voice: the pure parts', () => {
  it('speaks faster and higher as anger rises, within safe bounds', () => {
    expect(prosody(0)).toEqual({ rate: 0.9, pitch: 0.95 });
    expect(prosody(100)).toEqual({ rate: 1.3, pitch: 1.25 });
    expect(prosody(60).rate).toBeGreaterThan(prosody(30).rate);
    expect(prosody(500)).toEqual(prosody(100));
    expect(prosody(Number.NaN)).toEqual(prosody(0));
  });

  it('picks a voice for the attempt language: exact tag, then the same language, local first', () => {
    const voices = [voice('en-GB', false), voice('zh-TW'), voice('en-US'), voice('zh-CN', false)];
    expect(pickVoice(voices, 'zh-CN')?.lang).toBe('zh-CN');
    expect(pickVoice(voices, 'en')?.lang).toBe('en-US');
    expect(pickVoice([voice('zh-TW')], 'zh-CN')?.lang).toBe('zh-TW');
    expect(pickVoice([voice('en-US')], 'zh-CN')).toBeNull();
  });

  it('joins what was heard into one line', () => {
    expect(transcriptOf([[{ transcript: ' 您好， ' }], [{ transcript: '我马上查 ' }]])).toBe(
      '您好， 我马上查',
    );
  });
});

describe('voice with speechSynthesis', () => {
  it('is off by default; the switch shows only in a phone call, turns voice on and is remembered', async () => {
    stubSynthesis();
    const user = userEvent.setup();
    const { container, rerender } = render(
      <>
        <VoiceSetting />
        <VoiceOnCall channel="chat" lineId="c0" text="Hello" locale="en" anger={10} />
      </>,
    );
    expect(screen.queryByTestId('setting-voice')).toBeNull();
    rerender(
      <>
        <VoiceSetting />
        <VoiceOnCall channel="phone" lineId="c0" text="Hello" locale="en" anger={10} />
      </>,
    );
    const box = await screen.findByTestId('setting-voice');
    expect(box).not.toBeChecked();
    expect(screen.getByLabelText(/Voice: hear the customer/)).toBe(box);
    await user.click(box);
    expect(useVoice.getState().enabled).toBe(true);
    expect(localStorage.getItem(VOICE_STORAGE_KEY)).toContain('"enabled":true');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('speaks each new customer line with a zh-CN voice, faster as anger rises, and never when off', async () => {
    const { spoken, synth } = stubSynthesis();
    const { rerender } = render(
      <VoiceOnCall channel="phone" lineId="c0" text="你好" locale="zh-CN" anger={20} />,
    );
    await act(async () => {});
    expect(synth.speak).not.toHaveBeenCalled();

    act(() => useVoice.setState({ enabled: true }));
    await waitFor(() => expect(spoken).toHaveLength(1));
    expect(spoken[0]).toMatchObject({ text: '你好', lang: 'zh-CN' });
    expect(spoken[0]!.voice?.lang).toBe('zh-CN');

    // A mood change alone does not repeat the line; the next line comes faster when angrier.
    rerender(<VoiceOnCall channel="phone" lineId="c0" text="你好" locale="zh-CN" anger={50} />);
    rerender(<VoiceOnCall channel="phone" lineId="c1" text="太慢了！" locale="zh-CN" anger={90} />);
    await waitFor(() => expect(spoken).toHaveLength(2));
    expect(spoken[1]!.rate).toBeGreaterThan(spoken[0]!.rate);
    expect(spoken[1]!.pitch).toBeGreaterThan(spoken[0]!.pitch);
  });

  it('puts what was heard in the reply box for the trainee to send, never sending it', async () => {
    stubSynthesis();
    const made = stubRecognition();
    useVoice.setState({ enabled: true, phoneCall: true });
    const heard = vi.fn();
    const user = userEvent.setup();
    const { container } = render(<VoiceReplyButton locale="zh-CN" enabled onTranscript={heard} />);
    const button = await screen.findByTestId('voice-reply');
    expect(button).toHaveTextContent('Speak your reply');
    await user.click(button);
    expect(made).toHaveLength(1);
    expect(made[0]!.lang).toBe('zh-CN');
    expect(made[0]!.start).toHaveBeenCalled();
    expect(button).toHaveAttribute('aria-pressed', 'true');
    act(() => {
      made[0]!.onresult?.({ results: [[{ transcript: '非常抱歉' }]] });
      made[0]!.onend?.();
    });
    expect(heard).toHaveBeenCalledWith('非常抱歉');
    expect(screen.getByTestId('voice-reply-status')).toHaveTextContent('Check the text in the box');
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('voice without the Web Speech API', () => {
  it('hides every control, speaks nothing and throws nothing', async () => {
    useVoice.setState({ enabled: true });
    const { container } = render(
      <>
        <VoiceSetting />
        <VoiceOnCall channel="phone" lineId="c0" text="Hello" locale="en" anger={50} />
        <VoiceReplyButton locale="en" enabled onTranscript={() => {}} />
      </>,
    );
    await act(async () => {});
    expect(useVoice.getState().phoneCall).toBe(true);
    expect(screen.queryByTestId('setting-voice')).toBeNull();
    expect(screen.queryByTestId('voice-reply')).toBeNull();
    expect(container).toBeEmptyDOMElement();
    expect(() => speakLine('Hello', 'en', 50)).not.toThrow();
  });

  it('offers no spoken reply where the browser can speak but not listen', async () => {
    stubSynthesis();
    useVoice.setState({ enabled: true, phoneCall: true });
    render(<VoiceReplyButton locale="en" enabled onTranscript={() => {}} />);
    await act(async () => {});
    expect(screen.queryByTestId('voice-reply')).toBeNull();
  });
});

// @vitest-environment jsdom
import { undo } from '@codemirror/commands';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useRef } from 'react';
import { JsonEditor, type EditorHandle, type EditorStrings } from '@/features/author/json-editor';
import { NodeForm, type ApplyChanges } from '@/features/author/node-form';
import { resetAuthorForTests, useAuthor } from '@/state/author-store';
import { useAuthorSelection } from '@/state/author-selection';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';
import { editorText, editorView } from './editor-dom';

const strings: EditorStrings = {
  required: 'required',
  describeCause: () => '',
  fixFullWidth: '',
  renderField: () => document.createElement('div'),
  phrases: {},
};

/** The form beside the real editor, wired as the Author view wires them. */
function Harness() {
  const text = useAuthor((s) => s.text);
  const setText = useAuthor((s) => s.setText);
  const editor = useRef<EditorHandle>(null);
  const onChanges = useCallback<ApplyChanges>((make) => {
    const base = useAuthor.getState().text;
    return editor.current?.applyChanges(make(base), base) ?? false;
  }, []);
  return (
    <>
      <span id="label">Scenario JSON</span>
      <JsonEditor
        id="editor"
        labelledBy="label"
        describedBy="label"
        value={text}
        onChange={setText}
        onDropFile={() => {}}
        allowText={() => true}
        invalid={false}
        check={null}
        schema={null}
        onOutline={() => {}}
        onFixFullWidth={() => {}}
        strings={strings}
        handleRef={editor}
      />
      <NodeForm onChanges={onChanges} />
    </>
  );
}

const initial = () => JSON.stringify(fakeScenario(), null, 2);
const doc = () => JSON.parse(editorText()) as ReturnType<typeof fakeScenario>;
const select = (id: string | null) => act(() => useAuthorSelection.getState().select(id, 'outline'));

function setup(text = initial()) {
  resetAuthorForTests(text);
  const user = userEvent.setup();
  const view = render(<Harness />);
  return { user, form: () => screen.getByTestId('author-node-form'), ...view };
}

describe('NodeForm', () => {
  beforeEach(async () => {
    await setUpApp(fakeCatalogue([fakeScenario()]));
    act(() => useAuthorSelection.setState({ nodeId: null, from: null }));
  });

  it('asks for a node when none is selected', async () => {
    const { form } = setup();
    expect(form()).toHaveTextContent('Select a node in the outline, the graph or the editor.');
    expect(await seriousViolations(form())).toEqual([]);
  });

  it('shows the selected node: customer line per locale, responses, rules grouped by principle with quotes', async () => {
    const { user, form } = setup();
    select('opening');
    expect(within(form()).getByRole('heading', { name: 'Node opening' })).toBeInTheDocument();
    expect(screen.getByLabelText('Customer line (en)')).toHaveValue('Where is my parcel?');
    expect(screen.getByLabelText('Customer line (zh-CN)')).toHaveValue('我的包裹到底在哪儿？');
    const first = within(screen.getByTestId('form-response-0'));
    expect(first.getByLabelText('Response text (en)')).toHaveValue(
      'Good morning, I am sorry for the wait. Let me check.',
    );
    expect(first.getByLabelText('Next node')).toHaveValue('facts');
    expect(first.getByLabelText('Anger change')).toHaveValue(-10);
    await user.click(first.getByText('Rules: 2 met, 0 broken'));
    const rules = screen.getByTestId('form-response-0-rules');
    const etiquette = within(rules).getByRole('group', { name: 'Etiquette' });
    expect(etiquette).toHaveTextContent('Greet the customer');
    expect(etiquette).toHaveTextContent('手册：问候客户');
    expect(within(rules).getByTestId('rule-met-etiquette.greeting')).toBeChecked();
    expect(within(rules).getByTestId('rule-violated-etiquette.greeting')).not.toBeChecked();
    expect(await seriousViolations(form())).toEqual([]);
  });

  it('writes a response text on blur, not per keystroke; only that value changes; Undo takes it back', async () => {
    const { user } = setup();
    select('opening');
    const before = editorText();
    const field = within(screen.getByTestId('form-response-1')).getByLabelText('Response text (en)');
    await user.clear(field);
    await user.type(field, 'Let me look <b>right now</b>.');
    expect(editorText()).toBe(before);
    await user.tab();
    const after = editorText();
    const want = JSON.parse(before);
    want.nodes.opening.responses[1].text.en = 'Let me look <b>right now</b>.';
    expect(JSON.parse(after)).toEqual(want);
    expect(after.split('\n').length).toBe(before.split('\n').length);
    // Scenario text is text: no element was made from it.
    expect(screen.getByTestId('author-node-form').querySelector('b')).toBeNull();
    act(() => void undo(editorView()));
    expect(editorText()).toBe(before);
    await waitFor(() => expect(field).toHaveValue('The courier lost it, not us.'));
  });

  it('writes after a pause in typing and keeps focus in the field', async () => {
    const { user } = setup();
    select('opening');
    const field = screen.getByLabelText('Customer line (en)');
    await user.click(field);
    await user.type(field, '!!');
    await waitFor(() => expect(doc().nodes.opening!.say).toMatchObject({ en: 'Where is my parcel?!!' }), {
      timeout: 3000,
    });
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Where is my parcel?!!');
  });

  it('tags and untags rules, sets mood, next node and flags', async () => {
    const { user } = setup();
    select('opening');
    const second = within(screen.getByTestId('form-response-1'));
    await user.click(second.getByText('Rules: 0 met, 1 broken'));
    await user.click(second.getByTestId('rule-met-apology.sincere'));
    expect(doc().nodes.opening!.responses![1]!.rules).toEqual({
      'etiquette.no-blame': -1,
      'apology.sincere': 1,
    });
    // Met and broken are one tag: ticking "broken" turns "met" into "broken", keeping the magnitude.
    await user.click(second.getByTestId('rule-violated-apology.sincere'));
    expect(doc().nodes.opening!.responses![1]!.rules).toEqual({
      'etiquette.no-blame': -1,
      'apology.sincere': -1,
    });
    await user.click(second.getByTestId('rule-violated-apology.sincere'));
    await user.click(second.getByTestId('rule-violated-etiquette.no-blame'));
    expect(doc().nodes.opening!.responses![1]).not.toHaveProperty('rules');

    await user.clear(second.getByLabelText('Trust change'));
    await user.type(second.getByLabelText('Trust change'), '-5{Enter}');
    expect(doc().nodes.opening!.responses![1]!.mood).toEqual({ anger: 30, trust: -5 });
    await user.selectOptions(second.getByLabelText('Next node'), 'close');
    expect(doc().nodes.opening!.responses![1]!.next).toBe('close');
    await user.type(second.getByLabelText('Sets flags'), 'blamed-courier, upset{Enter}');
    expect(doc().nodes.opening!.responses![1]!.set).toEqual(['blamed-courier', 'upset']);
    await user.click(second.getByRole('button', { name: 'Add a promise' }));
    expect(doc().nodes.opening!.responses![1]!.promise).toEqual({
      id: 'new-promise',
      what: { en: '(What is promised)', 'zh-CN': '（承诺的内容）' },
      due: { turns: 3 },
    });
  });

  it('adds a response, and a node linked from a response, which it then selects', async () => {
    const { user } = setup();
    select('facts');
    await user.click(screen.getByTestId('form-add-response'));
    expect(doc().nodes.facts!.responses![2]).toEqual({
      id: 'reply-3',
      text: { en: '(A new response)', 'zh-CN': '（新的回应）' },
      next: 'close',
    });
    await waitFor(() => expect(screen.getByTestId('form-response-2')).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('form-link'), 'Response 2: shrug');
    await user.click(screen.getByTestId('form-add-node'));
    const scenario = doc();
    expect(scenario.nodes['node-6']).toEqual({
      say: { en: "(The customer's new line)", 'zh-CN': '（客户的新台词）' },
      responses: [
        { id: 'reply-1', text: { en: '(A new response)', 'zh-CN': '（新的回应）' }, next: 'close' },
      ],
    });
    expect(scenario.nodes.facts!.responses![1]!.next).toBe('node-6');
    expect(useAuthorSelection.getState()).toMatchObject({ nodeId: 'node-6', from: 'form' });
    expect(await screen.findByRole('heading', { name: 'Node node-6' })).toBeInTheDocument();
  });

  it('edits an ending: its outcome, and no responses', async () => {
    const { user } = setup();
    select('lost');
    expect(screen.getByTestId('form-add-response')).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Outcome'), 'went-to-media');
    expect(doc().nodes.lost!.ending).toMatchObject({ outcome: 'went-to-media' });
  });

  it('asks to fix the syntax first, and names a node that is gone', () => {
    setup(initial().replace('"channel": "phone",', '"channel": "phone"'));
    select('opening');
    expect(screen.getByTestId('form-syntax')).toHaveTextContent('Fix the JSON syntax first');
    select('nowhere');
    expect(screen.getByTestId('author-node-form')).toHaveTextContent('Fix the JSON syntax first');
  });

  it('says when the selected node is not in the file', () => {
    setup();
    select('nowhere');
    expect(screen.getByTestId('author-node-form')).toHaveTextContent("There is no node called 'nowhere'");
  });
});

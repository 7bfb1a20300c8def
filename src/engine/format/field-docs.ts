/**
 * What each scenario field means, in both languages, for the published JSON Schema (`description`
 * in English for any editor, `x-description` by locale for the Author view's hover). Kept apart from
 * the zod schema so the validation code a trainee's browser may fetch carries none of this prose.
 * Paths are property names from the top, `*` for any node id or list item; the wording follows the
 * field reference in scenarios/README.md.
 */
export interface FieldDoc {
  en: string;
  'zh-CN': string;
}

export const SCENARIO_FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  schemaVersion: {
    en: 'Format version. Files of the older format 0 are converted on load.',
    'zh-CN': '格式版本。旧格式 0 的文件在加载时自动转换。',
  },
  id: {
    en: 'Unique id of the scenario in the library; name the file after it.',
    'zh-CN': '情景在题库中的唯一编号；文件名与它一致。',
  },
  version: {
    en: 'Your revision number, stored with every attempt. Raise it when you change a scenario trainees have played.',
    'zh-CN': '修订号，随每次练习记录保存。学员练过的情景有改动时请加一。',
  },
  locales: {
    en: 'Languages the texts are written in; the first is the default.',
    'zh-CN': '文本所用的语言；第一个是默认语言。',
  },
  title: { en: 'Card title and call header.', 'zh-CN': '卡片标题和通话页标题。' },
  brief: { en: 'Card text: the situation and the task.', 'zh-CN': '卡片说明：情况和任务。' },
  role: {
    en: 'Who the trainee plays, shown as "You are: …".',
    'zh-CN': '学员扮演的角色，显示为“你是：……”。',
  },
  channel: {
    en: 'phone, chat or counter: shapes the call screen and the library filter.',
    'zh-CN': 'phone 电话、chat 在线客服或 counter 服务台：决定通话界面和题库筛选。',
  },
  difficulty: { en: 'Card chip and library filter.', 'zh-CN': '卡片上的难度标签和题库筛选。' },
  minutes: { en: '"About N minutes" on the card.', 'zh-CN': '卡片上的“约 N 分钟”。' },
  tags: { en: 'Words the library search finds.', 'zh-CN': '题库搜索能找到的关键词。' },
  customer: { en: 'Who calls.', 'zh-CN': '来电的客户。' },
  'customer.name': {
    en: 'Shown on the call screen and in the transcript.',
    'zh-CN': '显示在通话页和对话记录中。',
  },
  'customer.persona': {
    en: "The customer's mindset while complaining (M1); scales how strongly the mood reacts to each principle.",
    'zh-CN': '投诉心态（M1）；决定情绪对各项原则的反应强弱。',
  },
  'customer.temperament': {
    en: "The customer's type (M5): how to write the customer and what good answers look like. Not used in scoring.",
    'zh-CN': '客户类型（M5）：指导如何写客户和好的回答。不参与评分。',
  },
  'customer.mood': {
    en: 'Starting mood, anger and trust, 0–100 each.',
    'zh-CN': '开始时的情绪：怒气和信任，各 0–100。',
  },
  'customer.mood.anger': { en: 'Starting anger, 0–100.', 'zh-CN': '开始时的怒气，0–100。' },
  'customer.mood.trust': { en: 'Starting trust, 0–100.', 'zh-CN': '开始时的信任，0–100。' },
  'customer.avatar': {
    en: 'Reserved: the app draws the face from the mood.',
    'zh-CN': '保留字段：应用按情绪绘制表情。',
  },
  rubric: {
    en: 'The rubric the validator uses. The app always scores with the default rubric.',
    'zh-CN': '校验器使用的评分标准。应用始终按默认评分标准打分。',
  },
  weights: {
    en: "This scenario's weight for each principle in the overall score, 0–10.",
    'zh-CN': '本情景中各原则在总分中的权重，0–10。',
  },
  start: { en: 'The first node.', 'zh-CN': '第一个节点。' },
  nodes: {
    en: 'The conversation: a map from node id to node (customer turn, automatic branch or ending).',
    'zh-CN': '对话：从节点编号到节点（客户发言、自动分支或结局）。',
  },
  'nodes.*.say': {
    en: 'What the customer says on arriving here: a text, or variants whose first matching "if" is spoken.',
    'zh-CN': '到达此节点时客户说的话：一段文本，或多个变体，说第一个条件成立的。',
  },
  'nodes.*.say.*.if': { en: 'When this variant is spoken.', 'zh-CN': '这个变体在什么条件下说出。' },
  'nodes.*.say.*.text': { en: 'The line of this variant.', 'zh-CN': '这个变体的台词。' },
  'nodes.*.sayFits': {
    en: 'Your word that one "say" fits every way into the node; silences W_SAY_ASSUMES.',
    'zh-CN': '声明一句台词适合所有进入本节点的路径；不再提示 W_SAY_ASSUMES。',
  },
  'nodes.*.unclear': {
    en: 'What the customer says when a typed reply cannot be placed; the turn stays open.',
    'zh-CN': '学员打字的回答无法理解时客户说的话；本轮不结束。',
  },
  'nodes.*.note': { en: 'A stage direction shown in italics.', 'zh-CN': '舞台说明，以斜体显示。' },
  'nodes.*.when': {
    en: 'Branches checked on arrival, in order; the first whose "if" holds is followed at once.',
    'zh-CN': '到达时按顺序检查的分支；第一个条件成立的立即执行。',
  },
  'nodes.*.when.*.if': { en: 'The condition of this branch.', 'zh-CN': '此分支的条件。' },
  'nodes.*.when.*.next': { en: 'Where this branch goes.', 'zh-CN': '此分支去往的节点。' },
  'nodes.*.otherwise': {
    en: 'Where an automatic branch goes when no "when" holds.',
    'zh-CN': '自动分支中没有条件成立时去往的节点。',
  },
  'nodes.*.responses': { en: "The trainee's choices, 1–8.", 'zh-CN': '学员的回答选项，1–8 个。' },
  'nodes.*.responses.*.id': {
    en: 'Names the choice in records and the debrief; unique within the node.',
    'zh-CN': '在记录和复盘中标识此选项；同一节点内唯一。',
  },
  'nodes.*.responses.*.text': { en: 'What the trainee says.', 'zh-CN': '学员说的话。' },
  'nodes.*.responses.*.rules': {
    en: 'The evidence this answer produces: rule id → 1, 2, 3 (met) or −1, −2, −3 (violated).',
    'zh-CN': '此回答产生的评分依据：规则编号 → 1、2、3（做到）或 −1、−2、−3（违反）。',
  },
  'nodes.*.responses.*.mood': {
    en: "Mood change applied before the rules' own effects: tone the rules do not capture.",
    'zh-CN': '在规则自带的情绪效果之前施加的变化：规则体现不了的语气。',
  },
  'nodes.*.responses.*.set': { en: 'Flags switched on.', 'zh-CN': '打开的标记。' },
  'nodes.*.responses.*.unset': {
    en: 'Flags switched off (after "set").',
    'zh-CN': '关闭的标记（在 set 之后执行）。',
  },
  'nodes.*.responses.*.promise': {
    en: 'A commitment that must be kept within due.turns trainee turns.',
    'zh-CN': '一个承诺，必须在 due.turns 轮之内兑现。',
  },
  'nodes.*.responses.*.promise.id': {
    en: 'The name "keep" and promise conditions use.',
    'zh-CN': 'keep 和承诺条件引用的名称。',
  },
  'nodes.*.responses.*.promise.what': {
    en: "What was promised, in the trainee's words; the debrief quotes it.",
    'zh-CN': '用学员的话写出承诺的内容；复盘会引用。',
  },
  'nodes.*.responses.*.promise.due': {
    en: 'How many trainee turns later it must be kept at the latest.',
    'zh-CN': '最迟在之后第几轮兑现。',
  },
  'nodes.*.responses.*.keep': { en: 'Promises this answer keeps.', 'zh-CN': '此回答兑现的承诺。' },
  'nodes.*.responses.*.feedback': {
    en: 'Shown in the debrief under this answer. Quote the manual.',
    'zh-CN': '在复盘中显示在此回答下方。请引用手册原文。',
  },
  'nodes.*.responses.*.reply': {
    en: "The customer's immediate reaction to this answer, before the next node's line.",
    'zh-CN': '客户对此回答的即时反应，在下一节点的台词之前说出。',
  },
  'nodes.*.responses.*.next': { en: 'Where the conversation goes next.', 'zh-CN': '对话接下来去往的节点。' },
  'nodes.*.freeText': { en: 'The trainee may also type a reply.', 'zh-CN': '学员也可以自己打字回答。' },
  'nodes.*.timeLimit': {
    en: 'Seconds before silence counts (phone calls).',
    'zh-CN': '沉默多少秒后计为未回应（电话）。',
  },
  'nodes.*.ending': { en: 'Makes the node an ending.', 'zh-CN': '使此节点成为结局。' },
  'nodes.*.ending.outcome': {
    en: 'How the complaint ended (M1): more loyal, routine, wait-and-see, lost or escalated.',
    'zh-CN': '投诉的结局类型（M1）：更忠诚、一般、观望、流失或升级。',
  },
  'nodes.*.ending.say': { en: "The customer's last words.", 'zh-CN': '客户最后说的话。' },
  'nodes.*.ending.summary': {
    en: 'What happened, shown on the ending screen.',
    'zh-CN': '发生了什么，显示在结局页。',
  },
};

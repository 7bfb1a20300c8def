import type { CueDef, LocaleFamilies, ReplyVerdict } from './types';

const c = (rule: string, verdict: ReplyVerdict, name: string, re: RegExp, negatable = false): CueDef => ({
  rule,
  verdict,
  name,
  re,
  negatable,
});

const COLLEAGUE =
  '(?:colleague|co-worker|coworker|guy|girl|agent|engineer|technician|tech|courier|driver|rep|representative|he|she|person)';
const TEAM =
  '(?:team|shift|night shift|lads|crowd|department|dept|staff|people|warehouse|office|branch|crew|folks|lot|guys|store|shop)';
const BAD =
  "(?:useless|hopeless|incompetent|lazy|clueless|terrible|hopeless|a joke|a mess|idiots?|morons?|careless|sloppy|rubbish|awful|pathetic|slow as|always messing|a bunch of \\w+|amateurs|clowns|cowboys|muppets|a shambles|never get|don't know what (?:they|he|she)(?:'re|'s| are| is) doing)";

const THIRD =
  '(?:courier|supplier|manufacturer|bank|warehouse|post office|postal service|delivery (?:company|firm|driver)|driver|third[- ]party|airline|airport|carrier|vendor|seller|merchant|landlord|installer|contractor|factory|head office|other department)';
const INFO =
  '(?:order|account|reference|booking|ticket|case|policy|membership|tracking|card|phone|mobile|contact|customer|flight|serial|model|meter|invoice) ?(?:number|no\\.?|ID|details?|reference)|(?:full )?name|postcode|post code|zip(?: code)?|date of birth|address|email(?: address)?|surname|last four digits';
const EXTRA: CueDef[] = [
  // A colleague "was too busy" or "forgot": the trainee explains the failure away by running them down.
  ...(['apology.no-excuses', 'etiquette.no-disparage'] as const).map((rule) =>
    c(
      rule,
      'violated',
      'a colleague let you down',
      new RegExp(
        `\\b(?:${COLLEAGUE}|agent (?:no\\.? ?)?\\d+|\\d{3,5})\\b[^.,;!?]{0,30}\\b(?:forgot|was too busy|were too busy|got too busy|was swamped|didn't bother|dropped the ball|missed it|slipped (?:his|her|their) mind)`,
        'i',
      ),
    ),
  ),
  // Saying what is happening while checking: the customer is not left in silence.
  c(
    'etiquette.responsiveness',
    'met',
    'talking through a wait',
    /\b(?:one|just a|bear with me (?:for )?a) (?:moment|sec(?:ond)?|minute)\b|\bbear with me\b|\b(?:let me|I'll|I will|I'm going to|I'm just going to|while I) (?:just )?(?:check|look (?:it|that|this) up|pull up|have a look)\b|\bI'm (?:just )?(?:checking|looking (?:it|that|this) up)\b/i,
  ),
  // listening
  c(
    'listening.paraphrase',
    'met',
    'restatement',
    /\b(?:just )?so (?:I'm|I am|we're|we are) (?:clear|on the same page)\b|\bto make sure (?:I'm|I am) (?:clear|understanding)\b|\bif I(?:'m| am) understanding (?:you |this |that )?(?:correctly|right)\b|\b(?:let me|I'll|I'd like to|allow me to) (?:just )?(?:recap|summari[sz]e|sum (?:that|this|it) up|play (?:that|this|it) back|repeat what)\b|\bmy understanding is\b|\bif I(?:'ve| have)? (?:understood|got|heard) (?:you |this |that |it |everything )?(?:correctly|right)\b|\bwhat I understand is\b|\byou(?:'d| would|'re| are|'ve| have| were| was)?\b[^.?!]{10,90}\b(?:is that|is this|have I got that|did I get that|do I have that) (?:correct|right)\b/i,
  ),
  c(
    'listening.clarify-gently',
    'met',
    'asking for a detail',
    new RegExp(
      String.raw`\b(?:could|can|would|will) you (?:please |kindly |just )?(?:provide|give me|let me have|read (?:out|me)|verify|check|send (?:me|us|over)|pass (?:me|on)|remind me|clarify|confirm)\b|\b(?:can|could|may) I (?:just |please )?(?:ask|have|get|take|confirm|check|grab|verify|start with)\b(?! you\b| (?:this|that|it) (?:for you|sorted|done))|\bplease (?:could you |can you )?(?:provide|confirm|give me|tell me|let me know|send)\b[^.?!]{0,30}\b(?:${INFO})|\bwhat(?:'s| is| was) (?:your|the) (?:${INFO})\b|\bwhen did you (?:first )?(?:notice|see|receive|place|make|order|call|contact)\b|\b(?:what|which) (?:date|day|time|branch|store|shop|website|card|address|email|model)\b(?![^.?!]{0,40}\b(?:suit|prefer|convenient|work for you|best for you))[^.?!]{0,40}\?`,
      'i',
    ),
  ),
  c(
    'listening.record',
    'met',
    'note taking',
    /\b(?:I(?:'ve| have)|I'll|I will|we(?:'ve| have)|let me) (?:just )?(?:taken down|take down|noted down|note down|jotted down|raised a (?:ticket|case|complaint|report)|opened a (?:ticket|case|complaint)|created a (?:ticket|case|record)|added (?:this|that|it|a note|the details) to your (?:file|account|record|case))\b|\b(?:it's|it is|that's|that is|everything's|everything is|your complaint is|this is) (?:now )?(?:on record|logged|noted|recorded|documented)\b/i,
    true,
  ),

  // apology
  c(
    'apology.sincere',
    'met',
    'apology',
    /\bapologies (?:for|about)\b|\b(?:sincere|deepest|heartfelt|sincerest) apolog(?:y|ies)\b|\bplease accept (?:my|our) (?:\w+ )?apolog(?:y|ies)\b|\bsorry (?:again )?for (?:the|any|all|this|that|your)\b|\bso sorry\b/i,
    true,
  ),
  c(
    'apology.empathy',
    'met',
    'empathy',
    /\b(?:that|this|it)'s (?:\w+ )?(?:frustrating|upsetting|annoying|stressful|awful|disappointing|infuriating|worrying|maddening|inconvenient)\b|\bin your (?:position|shoes|situation)\b|\bI can only imagine\b|\bI(?:'d| would) (?:be|feel) (?:\w+ )?(?:annoyed|upset|frustrated|angry|disappointed|worried|exactly the same|the same)(?: too)?\b|\bI understand (?:your|the) (?:frustration|concern|disappointment|annoyance|worry|anger|situation)\b|\bI understand where you(?:'re| are) coming from\b|\bI(?:'m| am) sure (?:that|this|it) (?:was|is|has been) (?:\w+ )?(?:frustrating|upsetting|stressful|worrying|annoying)\b/i,
    true,
  ),
  c(
    'apology.common-ground',
    'met',
    'agreement',
    /\byou(?:'ve| have) (?:every|a) right to (?:be|feel)\b|\b(?:that|this)(?:'s| is) (?:a )?(?:perfectly |completely |totally )?(?:reasonable|fair|valid) (?:request|question|point|concern|expectation)\b|\b(?:that|this) (?:really )?shouldn't have happened\b|\bthat's not (?:ok|okay)\b/i,
    true,
  ),
  c(
    'apology.own-mistake',
    'met',
    'owning the mistake',
    /\b(?:error|mistake|fault|oversight|slip-up|failure) (?:on|at) (?:our|my) (?:side|part|end)\b|\b(?:we|I) (?:got (?:that|this|it) wrong|made an? (?:error|mistake)|should(?:'ve| have) (?:called|told|let you know|informed|sent|checked|contacted))\b|\b(?:that|this|it) (?:was|is) (?:entirely |completely )?(?:down to us|our responsibility|on our side)\b/i,
    true,
  ),
  c(
    'apology.no-excuses',
    'violated',
    'blaming others',
    new RegExp(
      String.raw`\b(?:blame|down to) (?:the |our |your )?${THIRD}\b|\b(?:the |our )?${THIRD}(?:'s)? (?:fault|mistake|error|screw-?up|problem)\b|\b(?:not|isn't|wasn't) (?:really )?(?:anyone's|anybody's|our|my) fault\b|\b(?:nobody's|no one's|no-one's) fault\b|\b(?:we're|we are|we've been|it's been|it has been) (?:really |very |extremely |so )?(?:busy|short-staffed|understaffed|swamped|short of staff|snowed under|rushed off our feet)\b`,
      'i',
    ),
  ),

  // resolution
  c(
    'resolution.ask-preference',
    'met',
    'asking what they want',
    /\b(?:would|do) you (?:prefer|rather)\b|\bwhat (?:would|do) you (?:want|need) (?:us|me) to\b|\bwhat (?:can|could|should) (?:I|we) do to (?:put (?:this|it|things) right|make (?:this|it|things) (?:right|better|up to you)|resolve)\b|\boutcome (?:are )?you(?:'re| are)? (?:hoping|looking) for\b|\bwhat (?:are|were) you hoping (?:for|we|to)\b|\bwhat would you (?:consider|see as) (?:a )?(?:fair|reasonable)\b|\bhow (?:would|do) you (?:want|prefer|like) (?:us|me|this|it) to\b|\bwhat (?:would you|do you) (?:like|want) (?:to (?:happen|see)|us to do)\b/i,
  ),
  c(
    'resolution.offer-options',
    'met',
    'options',
    /\b(?:would|do) you (?:prefer|rather|like|want)\b[^.?!]{1,70}\bor\b|\bhere(?:'s| is) what (?:I|we) (?:can|could) (?:do|offer)\b|\b(?:I|we) can (?:offer|arrange|give|provide) (?:you )?(?:a |an )?(?:full |partial |free )?(?:refund|replacement|repair|credit|discount|voucher|exchange|reimbursement|rebooking|upgrade)\b|\b(?:I|we) (?:can|could)(?!'t|n't| not)\b[^.?!]{3,80}\bor (?:I|we|you) (?:can|could)\b|\b(?:I|we) (?:can|could)(?!'t|n't| not) (?:either|offer you|give you|arrange|book|send|issue|rebook|put you)\b[^.?!]{3,80}\b(?:or|alternatively)\b|\b(?:refund|replacement|repair|credit|discount|voucher|exchange|technician|engineer|visit|reimbursement|rebooking|upgrade)\b[^.?!]{0,40}\bor (?:\w+ ){0,2}(?:refund|replacement|repair|credit|discount|voucher|exchange|technician|engineer|visit|reimbursement|rebooking|upgrade)\b/i,
  ),
  c(
    'resolution.get-consent',
    'met',
    'asking consent',
    /\b(?:can|may|should|shall) I go ahead\b|\bhow does (?:that|this) sound\b|\b(?:are|would) you (?:be )?(?:happy|ok|okay|comfortable|alright|all right) (?:with (?:that|this)|to go ahead|for us to)\b|\bis (?:that|this) (?:\w+ )?(?:acceptable|ok|okay|alright|all right|fine) (?:with|for) you\b|\b(?:do|does) (?:that|this) (?:sound|seem) (?:\w+ )?(?:ok|okay|fair|good|reasonable|acceptable|alright)\b|\bdo I have your (?:ok|okay|approval|go-ahead)\b/i,
  ),
  c(
    'resolution.no-overpromise',
    'violated',
    'guarantee',
    /\b(?:you(?:'ll| will)? |it(?:'ll| will)? )?never (?:\w+ ){0,4}again\b|\bI promise\b|\bno matter what\b|\byou have my word\b|\b(?:definitely|certainly|absolutely) (?:get|be getting|receive|have) (?:a |your |the )?(?:full )?(?:refund|compensation|money back|replacement)\b|\bI(?:'ll| will) make sure (?:this|it|that) never\b/i,
    true,
  ),
  c(
    'resolution.ownership',
    'met',
    'owning it',
    /\bI(?:'ll| will|'m going to| am going to) (?:stay on|see) (?:this|it|your case)(?: myself| personally)? (?:through|until|to the end)\b|\b(?:stay|staying) (?:on the line|with you) (?:and|while|until)\b|\bI(?:'ll| will) be your (?:single |main |direct )?(?:point of contact|contact)\b|\b(?:myself|personally) until (?:it's|it is|this is) (?:resolved|fixed|sorted)\b|\bI(?:'ll| will|'m going to| am going to) (?:\w+ )?(?:contact|reach out to|speak (?:to|with)|talk to|call|email|get in touch with|chase|raise (?:this|it) with) (?:the |our |a )?(?:\w+ ){0,3}(?:team|department|manager|supervisor|engineer|technician|courier|warehouse|supplier|specialist|desk)s? (?:myself|personally|directly|on your behalf|for you)\b/i,
  ),
  c(
    'resolution.keep-informed',
    'met',
    'keeping them informed',
    /(?<!\b(?:confirm|until|whether|if|once|sure|check|see|when) (?:that )?)\b(?:your|the) (?:case|order|refund|claim|complaint|request|ticket|repair|replacement|parcel|application|booking) (?:is|has) (?:now |already )?(?:with|being|been|in|at|on (?:its|the) way|under)\b|\bhas (?:now |already )?been (?:dispatched|shipped|approved|processed|escalated|assigned|scheduled|booked|issued|refunded|credited|authori[sz]ed|sent (?:out|off))\b|\b(?:email|text|send|message) you (?:the |a |an )?(?:tracking|update|progress|status|confirmation)\b|\b(?:let|keep) you (?:know|posted|updated) (?:of|on|about) (?:any|the|every)\b|\b(?:update|updates) you every\b|\bevery step of the way\b/i,
  ),
  c(
    'resolution.confirm-close',
    'met',
    'anything else',
    /\b(?:have I|did I|has (?:that|this)) (?:\w+ )?(?:resolved|answered|solved|addressed|sorted|covered|helped with) (?:your|everything|all|it)\b|\bis there anything (?:more|further)\b|\bdoes that (?:answer|resolve|cover) (?:your|everything)\b/i,
  ),
  c(
    'resolution.follow-up',
    'met',
    'follow-up',
    /\b(?:call|ring|phone|contact|email|text|check in with) you\b[^.?!]{0,30}\bto (?:check|make sure|confirm|see|ensure)\b|\bgive you a (?:call|ring|bell|buzz)\b[^.?!]{0,30}\bto (?:check|make sure|confirm|see|ensure)\b|\bcheck back (?:with|in)\b|\bcircle back\b|\bget back in touch\b[^.?!]{0,30}\bto (?:check|make sure|confirm)\b/i,
  ),

  // etiquette
  c(
    'etiquette.no-blame',
    'violated',
    'blaming the customer',
    /\bdid you (?:even|actually|seriously|honestly) (?:\w+)\b|\byou (?:didn't|did not|haven't|have not|never) (?:set|install|use|plug|enter|configure|activate|register|update|pay|charge|store|keep)\b[^.?!]{0,20}\b(?:properly|correctly|right|in time|on time)\b|\bif you(?:'d| had) (?:just |only )?(?:read|checked|followed|listened|looked|paid attention)\b|\byou (?:need|have) to (?:read|check) (?:the|your) (?:terms|small print|contract|instructions|email)/i,
    true,
  ),
  c(
    'etiquette.no-argue',
    'violated',
    'contradicting',
    /\bwith respect,? (?:you|that|it)\b|\b(?:actually|no),? (?:you|that) (?:were|was|are|is) (?:never|not|wrong)\b|\bwe (?:clearly |definitely )?(?:told|informed|notified|warned) you\b|\bit(?:'s| is| was) (?:clearly )?(?:stated|written|explained|shown|displayed|listed) (?:in|on|at)\b/i,
  ),
  c(
    'etiquette.no-dismissal',
    'violated',
    'not my business',
    /^\s*(?:that's|that is|it's|it is|this is) (?:just )?(?:(?:the )?company|our|the) (?:policy|rules?|procedure)\.?\s*$|\b(?:that's|it's) just (?:how|the way) it (?:is|works)\b|\b(?:that's|it's) (?:how|the way) it is\b|\btake (?:it|that|this) up with\b|\bout of my hands\b|\b(?:I|we) can't do anything (?:about|for)\b|\b(?:file|make|lodge|raise|put in) a complaint if you (?:want|like|wish)\b|\b(?:complain|go ahead) if you (?:want|like)\b|\b(?:nothing|not much) (?:else )?(?:I|we) can do\b|\b(?:I|we) can't help you (?:with|there)\b/i,
  ),
  c(
    'etiquette.no-dismissal',
    'violated',
    'telling them to calm down',
    /^\s*relax\b|\b(?:there's |there is )?no need to (?:shout|yell|raise your voice|get (?:so )?(?:upset|angry|worked up))\b|\blower your voice\b|\b(?:it's|it is) only (?:a few|a couple of|\d+|one|two|five|ten) (?:dollars|pounds|euros|bucks|quid|cents|pence)\b|\bcalm yourself\b|\btake a deep breath\b/i,
  ),
  c(
    'etiquette.no-disparage',
    'violated',
    'running down colleagues',
    /\bto save (?:their|his|her) li(?:fe|ves)\b|\b(?:they|he|she|those (?:guys|people|folks|lads)|that lot) (?:can't|couldn't|never) (?:do|get) anything right\b|\b(?:they|he|she)(?:'re| are|'s| is) (?:always|constantly) (?:messing|screwing) (?:up|things up)\b/i,
  ),
  // Excuses that point at the system or at someone else's remit.
  c(
    'apology.no-excuses',
    'violated',
    'blaming the system',
    /\b(?:glitch|bug|error|fault|problem|issue|outage|failure) (?:in|with|on) (?:our|the) (?:\w+ )?(?:system|software|computers?|IT|app|network|servers?)\b|\b(?:the |our )?(?:IT |computer |booking |billing )?(?:system|systems|computers?|software|network|servers?) (?:has|have|had) been (?:down|out|playing up|acting up|offline)\b|\bnot (?:caused )?by us\b/i,
  ),
  c(
    'apology.no-excuses',
    'violated',
    'their problem',
    /\b(?:it's|it is|that's|that is) (?:really |actually |honestly |more )?(?:their|the (?:courier|supplier|bank|airline|warehouse|partner|carrier)'s) (?:issue|problem|fault|responsibility|mistake|call)\b|\b(?:that's|that is|it's|it is|that was|it was) (?:the |our )?(?:warehouse|courier|supplier|night shift|day shift|other team|other department|billing team|IT team) again\b/i,
  ),
  c(
    'etiquette.no-disparage',
    'violated',
    'running down colleagues',
    new RegExp(
      `\\b(?:the|that|our|those) (?:\\w+ ){0,2}(?:${COLLEAGUE}|${TEAM})s? (?:never|can't ever|don't ever|won't ever) (?:\\w+ ){1,4}(?:properly|right|correctly)\\b`,
      'i',
    ),
  ),
  c(
    'apology.empathy',
    'met',
    'naming the feeling',
    /\b(?:that|this|it) must (?:have been|be) (?:\w+ )?(?:frightening|scary|terrifying|distressing|exhausting|worrying|stressful|upsetting|frustrating|hard|difficult|awful)\b/i,
    true,
  ),
  c(
    'resolution.get-consent',
    'met',
    'asking consent',
    /\bif (?:that|this|it) (?:sounds|seems|is|works) (?:\w+ )?(?:ok|okay|good|alright|all right|fine|acceptable|for you)\b/i,
  ),
  c(
    'resolution.offer-options',
    'met',
    'options',
    /\b(?:I|we) (?:can|could)(?!'t|n't| not)\b[^.?!]{3,80},? or (?:\w+ ){0,2}(?:book|send|arrange|rebook|put|move|give|offer|issue|refund|replace|schedule|switch|transfer)\b/i,
  ),
  c(
    'resolution.keep-informed',
    'met',
    'status update',
    /^\s*(?:a |just a |quick |a quick |small )?update(?: for you)?\s*[:,-]|\b(?:crews?|engineers?|technicians?|teams?|drivers?|couriers?|adjusters?) (?:are|is) (?:now )?(?:on site|on (?:the|their|its) way|en route|working on it)\b|\bI(?:'ve| have) (?:now |already )?(?:passed|forwarded|sent|referred|handed) (?:it|this|your (?:case|complaint|request|claim|ticket)) (?:on |over )?to\b(?! (?:you|your)\b)/i,
  ),
  c(
    'etiquette.no-blame',
    'violated',
    'implying it was their slip',
    /\bare you sure you (?:didn't|did not|haven't|have not) (?:just )?(?:forget|miss|enter|type|press|delete|pay|read|check)\b/i,
  ),
];

// Families follow the manuals' moves in common English call-centre phrasing; each pattern is one
// way of expressing the move, not a stored reply.
const cues: CueDef[] = [
  // listening
  c(
    'listening.paraphrase',
    'met',
    'restatement',
    /\b(?:so )?if I (?:understand|understood|'ve understood|have understood)(?: you| this| that)?(?: correctly| right)|\bjust to (?:make sure|confirm|check|be clear)(?: that)? I(?:'ve| have)? (?:got|understand|understood|have)\b|\blet me (?:make sure|check|confirm) (?:that )?I(?:'ve| have)? (?:got|understand|understood|heard)|\bso what you(?:'re| are) saying is|\byou(?:'re| are) saying (?:that )?|\bto (?:recap|summari[sz]e|sum up)|\blet me (?:repeat|read) (?:that|this|it) back|\bif I(?:'ve| have) got (?:this|that|it) right|\bwhat I(?:'m| am) hearing is|\bso,? (?:just )?to confirm|\bif I heard you (?:correctly|right)|\b(?:have I|did I|do I have|I've) got (?:that|this|it|everything) right\b|\bdid I get (?:that|this|it) right\b|\bdo I have (?:that|this|it) right\b|\bam I right in (?:thinking|saying)\b|\bcorrect me if I'm wrong\b/i,
  ),
  c(
    'listening.clarify-gently',
    'met',
    'gentle question',
    /\b(?:could|can|would|will) you (?:please )?(?:tell|walk|talk|describe|give|share|let me know|repeat|explain|clarify|confirm|spell|read|send)\b|\bwould you mind\b|\btell me (?:a (?:bit|little) )?more\b|\b(?:do you|would you) (?:happen to )?(?:remember|recall|know) (?:when|what|which|roughly|approximately)\b|\bhelp me understand\b|\bmay I (?:ask|have|get|check)\b|\bI(?:'m| am) not (?:quite )?sure I follow\b|\bsay that again\b/i,
  ),
  c(
    'listening.clarify-gently',
    'violated',
    'interrogation',
    /\btell me the truth\b|\bbe honest(?: with me)?\b|\b(?:just )?admit (?:it|that|you)\b|\bcome clean\b|\bwhy (?:didn't|did|would|wouldn't|haven't|hadn't|couldn't) you\b|\bexplain yourself\b|\bare you (?:sure you|telling (?:me )?the truth|lying|seriously|really) (?:telling|saying)?\b|\bdid you or did you not\b|\bwhat did you do to\b|\bdid you (?:even|actually|really|ever) (?:read|check|look|follow|bother|try|listen)\b|\bdid you not (?:read|check|see|follow)\b|\byou(?:'d| had) better (?:tell|explain)\b/i,
  ),
  c(
    'listening.record',
    'met',
    'note taking',
    /\b(?:I(?:'ve| have)|I'll|I will|let me|I'm going to|I am going to|I've just|I just|we(?:'ve| have)) (?:\w+ )?(?:noted|note|logged|log|recorded|record|written|write|jotted|jot|made a note|make a note|documented|document|registered|added a note)\b|\bnoted (?:down|that)\b|\bmaking a note\b|\b(?:put|left|added|placed|made) a (?:note|record|comment|flag) (?:on|in|against)\b|\bfor the record\b/i,
    true,
  ),

  // apology
  c(
    'apology.sincere',
    'met',
    'apology',
    /\b(?:I(?:'m| am)|we(?:'re| are)) (?:(?!not\b|never\b)\w+ )?sorry\b|\bsorry (?:for|about|to|that)\b|^\s*sorry\b|\b(?:I|we) (?:sincerely |truly |really |do )?apologi[sz]e\b|\b(?:my|our) (?:sincere |deepest )?apologies\b|\bplease (?:accept our apologies|forgive)|\b(?:I|we) regret\b/i,
    true,
  ),
  c(
    'apology.empathy',
    'met',
    'empathy',
    /\bI (?:completely |totally |really |fully |absolutely |do |can )?(?:understand|get|see|imagine|hear|appreciate) (?:how|why|that (?:this|it|you)|what(?! you(?:'re| are)? (?:mean|saying|said))|your (?:frustration|concern|feelings|point)|you(?:'re| are| must| were| feel))|\bI(?:'d| would) (?:be|feel) (?:\w+ )?(?:upset|frustrated|angry|annoyed|the same)|\b(?:must|would) (?:have been|be|feel) (?:\w+ )?(?:upsetting|frustrating|annoying|stressful|difficult|hard|awful|disappointing|inconvenient|worrying|infuriating)\b|\b(?:that|this|it) (?:sounds|is|was|has been) (?:\w+ )?(?:frustrating|upsetting|annoying|stressful|awful|disappointing|infuriating|worrying)\b|\banyone would (?:be|feel)\b|\bI hear you\b|\bunderstandabl[ey]\b|^\s*I (?:completely |totally |fully )?understand\b|\bI know how (?:\w+ )?(?:frustrating|upsetting|annoying|hard|stressful)|\bno wonder you(?:'re| are| feel| were)\b|\b(?:drive|make) anyone (?:mad|angry|upset|crazy|furious)\b|\bwould (?:upset|annoy|frustrate|worry) anyone\b|\bI can (?:tell|see) (?:that )?you(?:'re| are)\b/i,
    true,
  ),
  c(
    'apology.common-ground',
    'met',
    'agreement',
    /\byou(?:'re| are) (?:absolutely |completely |quite |totally |perfectly )?right\b|\byou (?:have|make|raise) a (?:good |fair |valid )?point\b|\bI (?:completely |totally |fully )?agree\b|\bthat's (?:a )?fair (?:point|enough)|\bfair enough\b|(?<!\byou )\b(?:shouldn't|should not|should never|ought not to) (?:have )?(?:stop|stopped|break|broken|broke|fail|failed|happen|happened|take|taken|be|been|cost|last|arrive|need)|\bthat's (?:not|no) (?:acceptable|good enough)|\byou(?:'re| are) right to\b|\bit's (?:completely |perfectly )?reasonable (?:to|that)/i,
    true,
  ),
  c(
    'apology.thank',
    'met',
    'thanks',
    /\bthank(?:s| you)\b(?! to)|\b(?:I|we) (?:really |truly |do )?appreciate (?:you|your|it|that|this)\b|\bgrateful\b/i,
    true,
  ),
  c(
    'apology.own-mistake',
    'met',
    'owning the mistake',
    /\b(?:that's|that is|this is|it's|it is|it was|that was|this was) (?:completely |entirely |totally )?(?:on us|on me|our (?:mistake|fault|error|oversight|bad)|my (?:mistake|fault|error))|\bwe (?:made|have made|'ve made) (?:a |an )?(?:mistake|error)|\bwe (?:\w+ )?(?:dropped the ball|messed up|got (?:it|this|that) wrong|slipped up|were wrong|let you down)\b|\b(?:our|my) (?:mistake|fault|error)\b|\bwe should have\b|\bI should have\b|\bwe (?:failed|didn't|did not) (?:to )?(?:call|follow|get back|keep|send|deliver)|\bour (?:\w+ )?(?:website|system|team|app|engineer|technician|staff|store|invoice|bill|letter) (?:showed|gave|sent|charged|quoted|listed|displayed|had|made) (?:you )?(?:the |a |an )?(?:wrong|incorrect|mistake|error)/i,
    true,
  ),
  c(
    'apology.no-excuses',
    'violated',
    'blaming the system',
    /\b(?:a|the|our)? ?(?:system|computer|IT|software|network|technical) (?:error|issue|glitch|problem|fault|bug|failure)\b|\bthe (?:system|computer|software) (?:messed|screwed|went|did|made|crashed|is down|was down)/i,
  ),
  c(
    'apology.no-excuses',
    'violated',
    'not our fault',
    /\bnot (?:really |exactly )?(?:our|my) fault\b|\b(?:can't|cannot|don't) blame (?:us|me)\b|\bnothing (?:we|I) could (?:have )?(?:do|done)\b|\bout of (?:our|my) (?:hands|control)\b|\bwasn't (?:me|us)\b|\b(?:we're|we are) (?:really |very )?(?:short-staffed|understaffed|swamped|so busy)\b|\bI(?:'m| am) (?:just |only )?new\b/i,
  ),
  c(
    'apology.no-excuses',
    'violated',
    'blaming others',
    new RegExp(
      `\\b(?:the|that|our|another|other) (?:\\w+ )?(?:${COLLEAGUE}|${TEAM}|supplier|courier company|post office) (?:messed|screwed|made|is to blame|was to blame|dropped|lost|forgot|caused)\\b|\\bblame (?:the|it on)\\b`,
      'i',
    ),
  ),

  // resolution
  c(
    'resolution.ask-preference',
    'met',
    'asking what they want',
    /\bwhat would (?:be (?:the )?(?:best|ideal|a fair)|you (?:like|prefer)|work best|suit you|make (?:this|it|things) right)|\bwhich (?:would|do|one would|one do|option would|option do) you (?:prefer|like|want)|\bwhich (?:option|one|would) (?:works?|suits?) (?:you )?best|\bwhat would you like (?:us|me) to do\b|\bhow would you like (?:us|me|this|it) to\b|\bwhat outcome\b|\bdo you have (?:a|any) (?:preference|suggestion|idea)|\bsuit you better\b|\bwhat (?:do|would) you (?:think|feel) would be fair\b|\bwhat (?:can|could) (?:I|we) do to make|\bwhich (?:sounds|works|suits|seems|would be) (?:better|best)|\bwhich (?:one |option )?(?:would|do) you (?:rather|prefer|like|want|choose)/i,
  ),
  c(
    'resolution.offer-options',
    'met',
    'options',
    /\b(?:I|we) (?:can|could|'d be happy to|would be happy to) either\b|\beither .{1,40}\bor\b|\b(?:I|we) (?:can|could) .{1,50}\bor (?:I|we) (?:can|could)\b|\banother option\b|\balternatively\b|\b(?:two|a few|several|some) options\b|\bwhat I can (?:do|offer)(?: for you)? is\b|\bI can offer you\b|\b(?:can|could)\b.{1,60}\bor (?:I|we|you) (?:can|could)\b|\b(?:refund|replacement|repair|credit|discount|voucher|exchange|technician|engineer|visit|reimbursement)\b.{0,40}\bor (?:a |an )?(?:full |partial )?(?:refund|replacement|repair|credit|discount|voucher|exchange|technician|engineer|visit|reimbursement)\b/i,
  ),
  c(
    'resolution.get-consent',
    'met',
    'asking consent',
    /\bif (?:you agree|you're happy|you are happy|that's (?:ok|okay|alright|all right|fine) with you|that works for you|you're ok with|you'd like me to)\b|\b(?:would|does|will) (?:that|this) (?:\w+ )?(?:work|be ok|be okay|be alright|be acceptable|suit you|sound (?:ok|okay|good|alright|fair|acceptable|reasonable))|\b(?:are|would) you (?:be )?(?:happy|ok|okay|comfortable|alright) (?:with|for me to)\b|\bis (?:that|this) (?:acceptable|ok|okay|alright|all right)\b|\b(?:do I|may I|can I) have your (?:consent|permission|agreement|go-ahead)\b|\bshall I go ahead\b|\bis it (?:ok|okay|alright|all right|fine) (?:if I|for me to|with you if)\b|\b(?:would you like|do you want) me to (?:go ahead|book|process|submit|arrange|proceed)\b|\bwith your permission\b|\bdo you agree\b|\bsound (?:ok|okay|good|fair) to you\b/i,
  ),
  c(
    'resolution.no-overpromise',
    'violated',
    'guarantee',
    /\bI (?:can )?(?:guarantee|promise you|swear)\b|\bguaranteed?\b|\bwill never happen again\b|\bnever (?:happen|occur) again\b|\b100 ?(?:%|percent)\b|\bevery (?:single )?(?:cent|penny)\b/i,
    true,
  ),
  c(
    'resolution.no-overpromise',
    'violated',
    'unauthorised compensation',
    /\b(?:waive|refund|cancel|drop|credit) (?:all|every|each) (?:of )?(?:your |the )?(?:fees|charges|bills|costs)|\bforever\b|\bfor life\b|\b(?:a )?(?:full )?(?:year|month|months|years) (?:for )?free\b|\bfree (?:for|of charge for) (?:a|the next|\d+|one|two|six|twelve) (?:year|years|month|months)\b|\bdouble (?:the )?(?:refund|compensation|money)\b|\bcompensate you for everything\b|\bfix (?:everything|it all) (?:right now|immediately|today)\b|\b(?:two|three|four|five|ten|\d+) times (?:the|what you) (?:amount|price|cost|paid)\b|\bthrow in (?:a |an )?(?:free|extra|bonus)\b|\bon the house\b|\bcompensate you (?:fully|in full)\b|\b(?:voucher|credit|compensation|bonus|gift card|free \w+) on top\b/i,
  ),
  c(
    'resolution.ownership',
    'met',
    'owning it',
    /\bI(?:'ll| will|'m going to| am going to) (?:\w+ )?(?:take care of|own|take ownership|handle|look after|deal with) (?:this|it|that)(?: personally| myself)?\b.{0,60}|\bI(?:'ll| will) personally\b|\bpersonally (?:make sure|see to|take care|handle|look into)|\btake ownership\b|\b(?:you can )?reach me directly\b|\bmy direct (?:line|number|extension)\b|\bleave it with me\b|\b(?:raise|escalate|take) (?:this|it) (?:up )?with (?:our|the|my) (?:\w+ ){0,2}(?:team|department|manager|supervisor)s?(?: myself| personally| directly)\b|\bmake sure (?:they|she|he) (?:have|has|get|gets) (?:all )?(?:the|your) (?:details|information|facts)\b|\bI(?:'ll| will) (?:chase|contact|call|ring|email|reach out to|speak to|talk to) (?:the|our|your) (?:\w+ ){0,2}(?:team|department|manager|courier|warehouse|bank|supplier|engineer|technician|provider)s? (?:for you|myself|directly|and)\b|\bI(?:'ll| will) (?:\w+ )?(?:contact|reach out to|speak (?:to|with)|talk to|call|email|get in touch with|chase|escalate (?:this )?to) (?:the|our|my|a) (?:\w+ ){0,3}(?:manager|team|specialist|department|supervisor|colleague|engineer|technician|lead|desk)\b(?! (?:first|to check))/i,
  ),
  c(
    'resolution.ownership',
    'met',
    'passing everything on',
    /\b(?:I'll|I will|I'm going to|let me) (?:\w+ )?(?:brief|fill) (?:her|him|them)\b|\bpass(?:ing)? (?:on |along )?(?:everything|all the details|all the information|all of this|all of that)|\bso you (?:won't|don't|will not|do not) have to repeat\b/i,
  ),
  c(
    'resolution.keep-informed',
    'met',
    'keeping them informed',
    /\bkeep you (?:posted|updated|informed|in the loop)\b|\b(?:I'll|I will|we'll|we will) (?:\w+ )?update you\b|\blet you know (?:as soon as|the moment|right away|straight away|once|when|how|what)\b|\bgive you (?:an|regular) updates?\b|\bupdate you (?:on|as)\b|\b(?:update|inform|notify) you\b/i,
  ),
  c(
    'resolution.confirm-close',
    'met',
    'anything else',
    /\b(?:is there )?anything else (?:I|we) can\b|\banything else (?:you need|I can|I could|at all|today)\b|\b(?:any|are there any) other (?:questions|issues|concerns|problems)\b|\bhelp (?:you )?with anything else\b|\bsomething else I can\b|\banything else\b[^.?!]{0,30}\?|\bbefore I let you go\b/i,
  ),
  c(
    'resolution.follow-up',
    'met',
    'follow-up',
    /\bfollow(?:ing)? up\b|\bcheck (?:back )?in (?:with you|on)\b|\bcheck (?:that|whether|if|on) .{0,40}(?:fixed|resolved|sorted|held|working|arrived|done)\b|\bmake sure (?:everything|it|that|the \w+)(?: \w+)? (?:is|has been|'s|was) (?:sorted|fixed|resolved|working|done)\b|\bcall you .{0,30}to (?:check|make sure|confirm|see)\b|\btouch base\b/i,
  ),

  // etiquette
  c(
    'etiquette.no-blame',
    'violated',
    'blaming the customer',
    /\byou must have\b|\b(?:it's|it is|that's|that is|it was) (?:all )?(?:your|ur) (?:own )?fault\b|\byour own fault\b|\byou should(?:'ve| have)\b(?! been\b)|\byou shouldn't have (?!to\b|been\b|had\b|needed\b)|\bwhy (?:didn't|did) you\b|\byou (?:didn't|did not|never|obviously didn't|clearly didn't) (?:read|check|follow|look|listen|pay|bother)|\bdid you (?:even |actually |really )?(?:read|check|follow|look at)\b|\bdid you (?:\w+ )?(?:drop|break|damage|share|lose|give|tell|forget|misuse|open|tamper|spill|delete|press)\b|\buser error\b|\byou (?:didn't|did not|never) (?:keep|save|bother|think)\b|\bhow could you (?:not )?\b|\bif you had (?:read|checked|followed|listened)|\byou (?:entered|typed|put in|used|chose|picked) the wrong\b|\byou (?:did|used) it wrong\b|\b(?:any|every)one else (?:manages|can)\b|\bit's not (?:that|so) hard\b|\byou (?:misused|mishandled|damaged|broke) (?:it|the)\b/i,
    true,
  ),
  c(
    'etiquette.no-argue',
    'violated',
    'contradicting',
    /\b(?:that's|that is|this is|it's|it is) (?:simply |just |completely |totally )?(?:not true|untrue|incorrect|wrong|not right|not the case|impossible|not what happened)|\byou(?:'re| are) (?:wrong|mistaken|incorrect)\b|\bthat can't be (?:right|true)\b|\bwe (?:never|would never|don't ever|do not ever) (?:charge|make|do|overcharge|lose)|\bour (?:fees|charges|prices|policy|terms|rules) (?:are|is|were|was) (?:clearly|completely|perfectly|very) (?:stated|clear|fair|reasonable)|\bas I (?:already )?(?:said|told you|explained)\b|\byou(?:'re| are) not listening\b|\bwith all due respect\b|\bno,? (?:you|that's|that is|it's)\b|\bthat's not how it works\b|\bso you agreed\b|\byou agreed to (?:it|this|that|the)\b|\byou signed (?:it|the contract|up for)\b|\b(?:was|were) (?:clearly )?(?:explained|stated|shown|set out|disclosed) to you\b|\b(?:you're|you are) being unreasonable\b|\bthat's (?:unreasonable|ridiculous)\b/i,
  ),
  c(
    'etiquette.no-dismissal',
    'violated',
    'not my business',
    /\bnot (?:my|our) (?:department|job|problem|responsibility|area|concern|issue)\b|\bnot something (?:we|I) (?:handle|deal with|do|cover)\b|\byou(?:'ll| will) (?:have|need) to (?:call|contact|go to|speak to|ring|take it up|ask)\b|\bnothing (?:I|we) can do\b|\b(?:I|we) can't help you\b|\btake it up with\b|\babove my pay grade\b|\b(?:my|the) (?:manager|boss|supervisor) decides\b|\bnot up to me\b|\b(?:that's|it's) not (?:on|with) (?:me|us)\b|\bthere's no point\b|\bthat's just the way it is\b|\bI don't make the rules\b|\bwe (?:don't|do not) (?:deal with|handle|cover|look after)\b|\b(?:responsibility|problem|job|issue|department|fault|call|concern),? not (?:ours|mine)\b|\b(?:that's|that is) handled by\b|(?:^|[,;]\s*)(?:ring|call|contact|try|go to|ask|phone) (?:your|the) (?:provider|bank|landlord|manufacturer|supplier|shop|store|retailer|courier|council|other)|\b(?:feel free|go ahead) (?:and|to) complain\b/i,
  ),
  c(
    'etiquette.no-dismissal',
    'violated',
    'telling them to calm down',
    /\bcalm down\b|\blet me (?:talk|speak|finish)\b|\b(?:stop|quit|don't|do not) (?:shouting|yelling|screaming)\b|\brelax,? (?:sir|madam|ma'am)\b|\bno need to (?:get|be) (?:so )?(?:upset|angry|worked up)\b|\bsettle down\b/i,
  ),
  c(
    'etiquette.no-disparage',
    'violated',
    'running down colleagues',
    new RegExp(
      `\\b(?:the|that|our|this|those|these|your) (?:\\w+ ){0,2}(?:${COLLEAGUE}|${TEAM})s? (?:is|are|was|were) (?:\\w+ )?${BAD}|\\bthey (?:always |constantly )?(?:mess|screw) (?:this|it|things|everything) up\\b|\\bthey (?:never|can't ever) (?:get|do) (?:anything|it|this) right\\b|\\b(?:useless|hopeless|incompetent|lazy|clueless) (?:${COLLEAGUE}|${TEAM})s?\\b`,
      'i',
    ),
  ),
];

// Broader meaning classes: common service-script variants of each move. Each line is one class,
// not a stored reply.
cues.push(...EXTRA);

export const enFamilies: LocaleFamilies = {
  cues,
  negator: /\b(?:not|never|no)\b|n't\b/i,
  negWindow: 22,
  contrast: /\bbut\b|\bhowever\b/gi,
  concession:
    /\b(?:understand|I hear you|I see|yes|yeah|I know|I get (?:it|that)|sorry|apologi[sz]e|I appreciate|agree|right|okay|ok|sure|fair)\b/i,
  helpingAction:
    /\bI(?:'ll| will|'m going to| am going to| can(?!'t|not)| could(?!n't))\b|\blet me\b|\bwe(?:'ll| will| can(?!'t|not)| could(?!n't)|'re going to| are going to)\b|\bwhat I can do\b/i,
  clarifyAfterApology:
    /^[\s,.!-]*(?:I )?(?:didn't|did not|couldn't|could not) (?:quite )?(?:catch|hear|get|understand|follow)|^[\s,.!-]*I missed (?:that|what)|^[\s,.!-]*(?:what was that|come again|could you repeat|can you repeat|to interrupt|to bother)|^[\s,.!-]*(?:I )?(?:can't|cannot) hear/i,
  dismissiveApology:
    /^\s*sorry,? (?:but )?(?:we|I) (?:don't|do not|can't|cannot|won't|aren't|are not)\b|sorry (?:that |if )?you (?:feel|felt|see|saw|think|thought|believe|view|took|take|are upset|got upset|were offended)|sorry (?:if )?(?:that|this|it) (?:upset|offended|bothered) you/i,
  commitAction:
    /\b(?:I|we|she|he|they|someone|a technician|an engineer|our team)(?:'ll| will|'m going to| am going to|'re going to| are going to| is going to|'s going to)\s+(?:[\w'-]+\s+){0,6}?(?:call|ring|phone|email|e-mail|text|get back|contact|send|update|follow up|have|give|confirm|let you know|reply|respond|visit|come|fix|sort|process|arrange|be in touch|be with you|be there|be round|arrive|reach out|check|chase|resolve|get (?:it|this|that|everything) (?:sorted|fixed|resolved|done))\b|\byou(?:'ll| will) (?:hear (?:back )?from|have (?:an? \w+|it|the \w+) (?:from|by)|get (?:an? (?:answer|call|reply|update|email))|receive)/i,
  commitTime:
    /\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on |by )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|by (?:noon|midday|\d|the end|end of|close of|tomorrow|tonight)|before (?:noon|midday|\d|the end|end of|close|tomorrow|tonight)|within (?:the|an|one|two|three|four|24|48|72|\d+) ?(?:hour|hours|minutes|days|business days|working days)|\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2} o'clock|noon|end of (?:the )?day|eod|in (?:an|one|two|\d+) (?:hour|hours|minutes|days)|(?:in|within) the next (?:hour|day|few (?:minutes|hours|days)|couple of (?:hours|days)|\d+ (?:hours|minutes|days|working days|business days)))\b/i,
  commitExclude:
    /\b(?:usually|typically|normally|expected to|estimated|promised|said (?:they|he|she) would|was supposed to|were supposed to|should have|last week|yesterday)\b/i,
  goodbye:
    /\b(?:good ?-?bye|bye|have a (?:good|nice|great|lovely|wonderful|pleasant|safe) (?:rest of (?:your|the) )?(?:day|evening|night|weekend|afternoon|morning|one|flight|trip|stay)|take care|all the best|enjoy (?:the rest of )?your (?:day|evening|weekend|stay|trip|flight))\b/i,
  greeting:
    /\b(?:hello|hi|hey there|good (?:morning|afternoon|evening)|thank you for calling|thanks for calling|you've reached|you have reached|you're through to|welcome to|my name is)\b/i,
  rudeOpening: /^\s*(?:yeah|yep|yes|what|huh|uh|ok|okay|go on|speak)\b|\bwhat (?:is it|do you want|now)\b/i,
  cannot:
    /\b(?:can't|cannot|can not|unable to|not able to|(?:isn't|is not|aren't|are not|non-)refundable|won't be able to|not possible|no way|(?:don't|do not|won't) (?:do|give|offer|accept|allow|provide|refund|exchange|take))\b/gi,
  colleague: new RegExp(`\\b${COLLEAGUE}\\b`, 'i'),
};

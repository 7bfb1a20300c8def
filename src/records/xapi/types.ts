// The parts of xAPI 1.0.3 statements Composure writes and reads. Not a full model of the spec.

export type LanguageMap = Record<string, string>;

export interface XapiAccount {
  homePage: string;
  name: string;
}

export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  account?: XapiAccount;
}

export interface InteractionComponent {
  id: string;
  description: LanguageMap;
}

export interface ActivityDefinition {
  type?: string;
  name?: LanguageMap;
  description?: LanguageMap;
  interactionType?: 'choice';
  choices?: InteractionComponent[];
  extensions?: Record<string, unknown>;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: ActivityDefinition;
}

export interface XapiResult {
  score?: { scaled?: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiContext {
  registration?: string;
  platform?: string;
  language?: string;
  contextActivities?: {
    parent?: XapiActivity[];
    grouping?: XapiActivity[];
    category?: XapiActivity[];
  };
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context?: XapiContext;
  timestamp: string;
  /** Set by the LRS. */
  stored?: string;
}

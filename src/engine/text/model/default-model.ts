import { loadModel, type LoadedModel, type PackedModel } from './classifier';
import weights from './weights.json' with { type: 'json' };

let loaded: LoadedModel | null = null;

/** The shipped model, decoded on first use (it travels in the analyzer's on-demand chunk). */
export function defaultModel(): LoadedModel {
  loaded ??= loadModel(weights as PackedModel);
  return loaded;
}

export const MODEL_VERSION = (weights as PackedModel).version;
